import type { KubeObject } from '../api/kube-object';
import { isGeneratedSecret } from '../apply/generated-secret';

/** The rendered Secrets made at render time: an applier creates each only if the cluster has none of that name. */
export function generatedSecrets(objects: readonly KubeObject[]): KubeObject[] {
  return objects.filter(isGeneratedSecret);
}
