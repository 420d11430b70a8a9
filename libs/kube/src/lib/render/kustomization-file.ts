import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { KustomizationError } from './kustomization.error';

/** The file names kustomize looks for in a directory, in its order. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** `labels:` entries; selectors are never touched (includeSelectors is refused). */
export interface LabelsEntry {
  pairs: Record<string, string>;
  /** Also label pod templates and volume claim templates. */
  includeTemplates: boolean;
}

/** `images:` entries: which image to change and into what. */
export interface ImagesEntry {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** A patch's `target:`; every field is an anchored regular expression, as in kustomize. */
export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

/** A JSON 6902 patch, inline (`patch:`) or in a file (`path:`), applied to every resource the target matches. */
export interface PatchesEntry {
  target: PatchTarget;
  /** The operations' YAML or JSON text. */
  operations: string;
  /** Where the operations came from, for error messages. */
  source: string;
}

export interface Kustomization {
  dir: string;
  file: string;
  resources: string[];
  namespace?: string;
  labels: LabelsEntry[];
  images: ImagesEntry[];
  patches: PatchesEntry[];
}

const SUPPORTED_FIELDS = ['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches'];
const API_VERSION = 'kustomize.config.k8s.io/v1beta1';

/** Why a field kustomize knows is refused, where a better way exists. */
const REFUSAL_HINTS: Record<string, string> = {
  commonLabels: 'it also rewrites selectors, which are immutable once applied; use labels: (without includeSelectors) and write selector labels in the manifests',
  configMapGenerator: 'its hashed names cannot be reproduced reliably; write the ConfigMap as a resource',
  secretGenerator: 'secrets are never committed; netkeep generates them at first deploy (see k8s/README.md)',
  patchesStrategicMerge: 'write a JSON 6902 patch under patches: with a target',
  patchesJson6902: 'use patches: with a target, the same JSON 6902 operations',
};

/** Reads and checks the kustomization in `dir`: exactly what this renderer supports, or a KustomizationError that says why not. */
export function readKustomizationFile(dir: string): Kustomization {
  const found = KUSTOMIZATION_FILE_NAMES.filter((name) => existsSync(join(dir, name)));
  if (found.length === 0) throw new KustomizationError(`${dir}: no kustomization (looked for ${KUSTOMIZATION_FILE_NAMES.join(', ')})`);
  if (found.length > 1) throw new KustomizationError(`${dir}: more than one kustomization file (${found.join(', ')}); keep one`);
  const file = join(dir, found[0]);
  const document = parseDocument(readFileSync(file, 'utf8'));
  if (document.errors.length > 0) throw new KustomizationError(`${file}: not valid YAML: ${document.errors[0].message}`);
  const content: unknown = document.toJS() ?? {};
  const where = (field: string): string => `${file}: ${field}`;
  if (!isRecord(content)) throw new KustomizationError(`${file}: must be a YAML mapping`);

  for (const field of Object.keys(content)) {
    if (SUPPORTED_FIELDS.includes(field)) continue;
    const hint = REFUSAL_HINTS[field];
    throw new KustomizationError(
      `${where(field)} is not supported by netkeep's renderer${hint ? ` (${hint})` : ''}; supported fields: ${SUPPORTED_FIELDS.join(', ')}`,
    );
  }
  if (content['apiVersion'] !== undefined && content['apiVersion'] !== API_VERSION) {
    throw new KustomizationError(`${where('apiVersion')} must be ${API_VERSION} (got ${String(content['apiVersion'])})`);
  }
  if (content['kind'] !== undefined && content['kind'] !== 'Kustomization') {
    throw new KustomizationError(`${where('kind')} must be Kustomization (got ${String(content['kind'])}); components are not supported`);
  }

  return {
    dir,
    file,
    resources: stringList(content['resources'], where('resources')),
    namespace: optionalString(content['namespace'], where('namespace')),
    labels: list(content['labels'], where('labels')).map((entry, index) => labelsEntry(entry, where(`labels[${index}]`))),
    images: list(content['images'], where('images')).map((entry, index) => imagesEntry(entry, where(`images[${index}]`))),
    patches: list(content['patches'], where('patches')).map((entry, index) => patchesEntry(entry, dir, where(`patches[${index}]`))),
  };
}

function labelsEntry(entry: unknown, where: string): LabelsEntry {
  const fields = record(entry, where, ['pairs', 'includeTemplates', 'includeSelectors']);
  if (fields['includeSelectors'] === true) {
    throw new KustomizationError(`${where}.includeSelectors: selector labels are immutable once applied; write them in the manifests`);
  }
  const pairs = record(fields['pairs'], `${where}.pairs`);
  for (const [key, value] of Object.entries(pairs)) {
    if (typeof value !== 'string') throw new KustomizationError(`${where}.pairs.${key} must be a string; quote it`);
  }
  return { pairs: pairs as Record<string, string>, includeTemplates: optionalBoolean(fields['includeTemplates'], `${where}.includeTemplates`) ?? false };
}

function imagesEntry(entry: unknown, where: string): ImagesEntry {
  const fields = record(entry, where, ['name', 'newName', 'newTag', 'digest']);
  const name = optionalString(fields['name'], `${where}.name`);
  if (!name) throw new KustomizationError(`${where}.name is required`);
  const image: ImagesEntry = { name };
  for (const key of ['newName', 'newTag', 'digest'] as const) {
    const value = optionalString(fields[key], `${where}.${key}`);
    if (value !== undefined) image[key] = value;
  }
  return image;
}

function patchesEntry(entry: unknown, dir: string, where: string): PatchesEntry {
  const fields = record(entry, where, ['path', 'patch', 'target']);
  const path = optionalString(fields['path'], `${where}.path`);
  const patch = optionalString(fields['patch'], `${where}.patch`);
  if ((path === undefined) === (patch === undefined)) throw new KustomizationError(`${where} needs exactly one of path: or patch:`);
  if (fields['target'] === undefined) throw new KustomizationError(`${where}.target is required: a JSON 6902 patch names the resources it changes`);
  const targetFields = record(fields['target'], `${where}.target`, ['group', 'version', 'kind', 'name', 'namespace']);
  const target: PatchTarget = {};
  for (const key of ['group', 'version', 'kind', 'name', 'namespace'] as const) {
    const value = optionalString(targetFields[key], `${where}.target.${key}`);
    if (value !== undefined) target[key] = value;
  }
  if (patch !== undefined) return { target, operations: patch, source: where };
  const file = join(dir, path as string);
  // kustomize's default load restrictor: files come from the kustomization's own directory tree.
  if (relative(dir, file).startsWith('..')) throw new KustomizationError(`${where}.path: ${path} is outside ${dir}`);
  if (!existsSync(file)) throw new KustomizationError(`${where}.path: ${file} does not exist`);
  return { target, operations: readFileSync(file, 'utf8'), source: file };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, where: string, allowed?: readonly string[]): Record<string, unknown> {
  if (!isRecord(value)) throw new KustomizationError(`${where} must be a mapping`);
  for (const key of Object.keys(value)) {
    if (allowed && !allowed.includes(key)) {
      throw new KustomizationError(`${where}.${key} is not supported by netkeep's renderer; supported: ${allowed.join(', ')}`);
    }
  }
  return value;
}

function list(value: unknown, where: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new KustomizationError(`${where} must be a list`);
  return value;
}

function stringList(value: unknown, where: string): string[] {
  return list(value, where).map((item, index) => {
    if (typeof item !== 'string' || item === '') throw new KustomizationError(`${where}[${index}] must be a path`);
    return item;
  });
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new KustomizationError(`${where} must be a string; quote it`);
  return value;
}

function optionalBoolean(value: unknown, where: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new KustomizationError(`${where} must be true or false`);
  return value;
}
