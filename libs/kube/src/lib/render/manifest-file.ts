import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../api/kube-object';
import { KustomizationError } from './kustomization.error';

/** Every object in a YAML file of `---`-separated documents; empty documents are skipped, as kustomize does. */
export function readManifestFile(file: string): KubeObject[] {
  const objects: KubeObject[] = [];
  const documents = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const [index, document] of documents.entries()) {
    if (document.errors.length > 0) throw new KustomizationError(`${file}: not valid YAML: ${document.errors[0].message}`);
    const content: unknown = document.toJS();
    if (content === null || content === undefined) continue;
    objects.push(asKubeObject(content, `${file} (document ${index + 1})`));
  }
  return objects;
}

function asKubeObject(content: unknown, where: string): KubeObject {
  if (typeof content !== 'object' || Array.isArray(content) || content === null) throw new KustomizationError(`${where}: must be a Kubernetes object`);
  const object = content as Partial<KubeObject>;
  if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') throw new KustomizationError(`${where}: needs apiVersion and kind`);
  if (object.kind === 'List') throw new KustomizationError(`${where}: ${object.kind} is not supported; write one document per object`);
  if (typeof object.metadata?.name !== 'string' || object.metadata.name === '') {
    throw new KustomizationError(`${where}: ${object.kind} needs metadata.name (generateName cannot be applied idempotently)`);
  }
  return object as KubeObject;
}
