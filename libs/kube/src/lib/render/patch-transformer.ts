import type { KubeObject } from '../api/kube-object';
import { applyPatchOperations, parsePatchOperations } from './json6902-patch';
import type { PatchesEntry, PatchTarget } from './kustomization-file';
import { KustomizationError } from './kustomization.error';
import { describeResource, resourceIdOf } from './resource-id';

/**
 * kustomize's `patches:` with JSON 6902 operations: each patch changes every resource its target
 * matches. A patch that matches nothing is an error here (kustomize ignores it): it is a typo.
 */
export function applyPatches(objects: KubeObject[], patches: readonly PatchesEntry[]): KubeObject[] {
  let result = objects;
  for (const patch of patches) {
    const operations = parsePatchOperations(patch.operations, patch.source);
    const matches = targetMatcher(patch.target, patch.source);
    let matched = 0;
    result = result.map((object) => {
      if (!matches(object)) return object;
      matched++;
      let patched: KubeObject;
      try {
        patched = applyPatchOperations(object, operations);
      } catch (error) {
        throw new KustomizationError(`${patch.source}: cannot patch ${describeResource(object)}: ${(error as Error).message}`);
      }
      if (patched.kind !== object.kind || patched.metadata?.name !== object.metadata.name) {
        throw new KustomizationError(`${patch.source}: a patch may not change the kind or name of ${describeResource(object)}`);
      }
      return patched;
    });
    if (matched === 0) throw new KustomizationError(`${patch.source}: the target ${JSON.stringify(patch.target)} matches no resource`);
  }
  return result;
}

/** Each target field is a regular expression anchored at both ends; an absent field matches anything. */
function targetMatcher(target: PatchTarget, source: string): (object: KubeObject) => boolean {
  const patterns = Object.entries(target).map(([field, pattern]) => {
    try {
      return { field: field as keyof PatchTarget, regex: new RegExp(`^(?:${pattern})$`) };
    } catch {
      throw new KustomizationError(`${source}: target.${field} is not a valid regular expression: ${pattern}`);
    }
  });
  return (object) => {
    const id = resourceIdOf(object);
    return patterns.every(({ field, regex }) => regex.test(id[field]));
  };
}
