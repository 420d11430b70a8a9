import type { KubeObject } from '../api/kube-object';

/** Marks a Secret whose values were generated at render time: created once, never overwritten. */
export const GENERATED_ANNOTATION = 'netkeep.dev/generated';

export function isGeneratedSecret(object: KubeObject): boolean {
  return object.kind === 'Secret' && object.metadata.annotations?.[GENERATED_ANNOTATION] === 'true';
}
