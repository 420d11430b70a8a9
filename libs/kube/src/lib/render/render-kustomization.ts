import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { KubeObject } from '../api/kube-object';
import { applyImages } from './image-transformer';
import { imagesEntryFor } from './image-reference';
import { type ImagesEntry, readKustomizationFile } from './kustomization-file';
import { KustomizationError } from './kustomization.error';
import { applyLabels } from './label-transformer';
import { sortInLegacyOrder } from './legacy-sort-order';
import { readManifestFile } from './manifest-file';
import { applyNamespace } from './namespace-transformer';
import { NETKEEP_SECRETS } from './netkeep-secrets.recipe';
import { applyPatches } from './patch-transformer';
import { describeResource, resourceIdOf, sameResource } from './resource-id';
import { generateSecret, type RandomBytes, type SecretRecipe } from './secret-recipe';
import { secretReferencesOf } from './secret-references';

export interface RenderOptions {
  /**
   * Image name → the reference to deploy (`netkeep/inventory` → `registry:5000/netkeep/inventory:abc123`
   * or `…@sha256:…`): what `kustomize edit set image name=reference` writes into the rendered
   * kustomization, replacing its entry for that name.
   */
  images?: Readonly<Record<string, string>>;
  /**
   * Secrets to generate when the manifests use them but the kustomization leaves them out;
   * default: netkeep-secrets. With none, references to absent Secrets are not checked (the output
   * is then exactly `kubectl kustomize`'s).
   */
  secretRecipes?: readonly SecretRecipe[];
  /** Where generated values come from; default node:crypto. */
  randomBytes?: RandomBytes;
}

/**
 * Renders the kustomization in `dir` as `kubectl kustomize` does, in its output order, for the
 * fields netkeep's manifests use (resources, namespace, labels, images, JSON 6902 patches); any
 * other field is a KustomizationError. Secrets the pods use but the kustomization leaves out are
 * generated from `secretRecipes` and annotated so an applier creates them only when absent.
 */
export function renderKustomization(dir: string, options: RenderOptions = {}): KubeObject[] {
  const root = resolve(dir);
  const overrides = Object.entries(options.images ?? {}).map(([name, reference]) => imagesEntryFor(name, reference));
  const objects = buildKustomization(root, { imageOverrides: overrides, visiting: [] });
  const recipes = options.secretRecipes ?? [NETKEEP_SECRETS];
  const generated = recipes.length > 0 ? secretsToGenerate(objects, recipes, options.randomBytes) : [];
  return sortInLegacyOrder([...objects, ...generated]);
}

interface BuildContext {
  /** Applied to the root kustomization's images: only. */
  imageOverrides: ImagesEntry[];
  /** The directories being built, outermost first, to name a cycle. */
  visiting: string[];
}

function buildKustomization(dir: string, context: BuildContext): KubeObject[] {
  if (context.visiting.includes(dir)) throw new KustomizationError(`kustomizations include each other: ${[...context.visiting, dir].join(' → ')}`);
  const kustomization = readKustomizationFile(dir);
  const inner: BuildContext = { imageOverrides: [], visiting: [...context.visiting, dir] };

  let objects: KubeObject[] = [];
  for (const resource of kustomization.resources) {
    for (const object of loadResource(dir, resource, kustomization.file, inner)) {
      const id = resourceIdOf(object);
      if (objects.some((existing) => sameResource(resourceIdOf(existing), id))) {
        throw new KustomizationError(`${kustomization.file}: ${describeResource(object)} is defined twice (last from ${resource})`);
      }
      objects.push(object);
    }
  }

  // kustomize's transformer order: patches, namespace, labels, images.
  objects = applyPatches(objects, kustomization.patches);
  if (kustomization.namespace) objects = applyNamespace(objects, kustomization.namespace, kustomization.file);
  if (kustomization.labels.length > 0) objects = applyLabels(objects, kustomization.labels);
  return applyImages(objects, mergeImages(kustomization.images, context.imageOverrides));
}

function loadResource(dir: string, resource: string, file: string, context: BuildContext): KubeObject[] {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(resource) || resource.startsWith('git@')) {
    throw new KustomizationError(`${file}: remote resource ${resource} is not supported; vendor it into the repository`);
  }
  const path = resolve(dir, resource);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new KustomizationError(`${file}: resource ${resource} does not exist (${path})`);
  }
  if (isDirectory) return buildKustomization(path, context);
  // kustomize's default load restrictor: files come from the kustomization's own directory tree.
  if (relative(dir, path).startsWith('..')) throw new KustomizationError(`${file}: resource ${resource} is a file outside ${dir}; list its directory instead`);
  return readManifestFile(path);
}

/** The rendered kustomization's images, with each override replacing the entry of the same name. */
function mergeImages(images: readonly ImagesEntry[], overrides: readonly ImagesEntry[]): ImagesEntry[] {
  const merged = images.map((entry) => overrides.find((override) => override.name === entry.name) ?? entry);
  return [...merged, ...overrides.filter((override) => !images.some((entry) => entry.name === override.name))];
}

function secretsToGenerate(objects: readonly KubeObject[], recipes: readonly SecretRecipe[], randomBytes?: RandomBytes): KubeObject[] {
  const present = new Set(objects.filter((object) => object.kind === 'Secret').map((object) => `${object.metadata.namespace ?? 'default'}/${object.metadata.name}`));
  const generated = new Map<string, KubeObject>();
  for (const reference of objects.filter((object) => object.kind !== 'Secret').flatMap(secretReferencesOf)) {
    const id = `${reference.namespace}/${reference.secret}`;
    if (present.has(id)) continue;
    const recipe = recipes.find((candidate) => candidate.name === reference.secret);
    if (!recipe) {
      if (reference.optional) continue;
      throw new KustomizationError(
        `${reference.usedBy} uses Secret ${reference.secret}, which the kustomization does not contain and no recipe generates (recipes: ${recipes.map((r) => r.name).join(', ')})`,
      );
    }
    if (reference.key !== undefined && !(reference.key in recipe.keys) && !reference.optional) {
      throw new KustomizationError(`${reference.usedBy} uses key ${reference.key} of Secret ${reference.secret}, which its recipe does not generate (keys: ${Object.keys(recipe.keys).join(', ')})`);
    }
    if (!generated.has(id)) generated.set(id, generateSecret(recipe, reference.namespace, randomBytes));
  }
  return [...generated.values()];
}
