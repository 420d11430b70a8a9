import type { KubeObject } from '../api/kube-object';
import { resourceIdOf } from './resource-id';

/**
 * kustomize's default output order ("legacy"): these kinds first, in this order, the two webhook
 * configurations last, every other kind in between by group, version and kind; within one kind by
 * namespace, then name. Copied from kustomize's SortOrderTransformer, which says never to change it.
 */
const ORDER_FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function kindRank(kind: string): number {
  const first = ORDER_FIRST.indexOf(kind);
  if (first >= 0) return first - ORDER_FIRST.length;
  const last = ORDER_LAST.indexOf(kind);
  return last >= 0 ? last + 1 : 0;
}

// kustomize compares these strings byte by byte; "~G" stands for the core group, "~X" for no namespace.
function gvkKey(object: KubeObject): string {
  const id = resourceIdOf(object);
  return [id.group || '~G', id.version || '~V', id.kind || '~K'].join('_');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortInLegacyOrder(objects: readonly KubeObject[]): KubeObject[] {
  return [...objects].sort((a, b) => {
    const gvkA = gvkKey(a);
    const gvkB = gvkKey(b);
    if (gvkA !== gvkB) return kindRank(a.kind) - kindRank(b.kind) || compareStrings(gvkA, gvkB);
    const idA = resourceIdOf(a);
    const idB = resourceIdOf(b);
    return compareStrings(`${idA.namespace || '~X'}|${idA.name}`, `${idB.namespace || '~X'}|${idB.name}`);
  });
}
