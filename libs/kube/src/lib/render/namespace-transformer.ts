import type { KubeObject } from '../api/kube-object';
import { isClusterScoped } from './cluster-scoped-kinds';
import { KustomizationError } from './kustomization.error';
import { describeResource } from './resource-id';

/** Kinds whose namespace also hides in their body (subjects, webhook services): not rewritten here, so refused. */
const NAMESPACE_IN_BODY_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService', 'CustomResourceDefinition']);

/**
 * kustomize's `namespace:`: every namespaced object moves into the namespace, whatever it said
 * before, and a Namespace object takes the namespace's name.
 */
export function applyNamespace(objects: KubeObject[], namespace: string, file: string): KubeObject[] {
  return objects.map((object) => {
    if (NAMESPACE_IN_BODY_KINDS.has(object.kind)) {
      throw new KustomizationError(`${file}: namespace: cannot be applied to ${describeResource(object)} by netkeep's renderer; give it its namespace in the manifest and render it elsewhere`);
    }
    if (object.kind === 'Namespace' && object.apiVersion === 'v1') return { ...object, metadata: { ...object.metadata, name: namespace } };
    if (isClusterScoped(object.kind)) return object;
    return { ...object, metadata: { ...object.metadata, namespace } };
  });
}
