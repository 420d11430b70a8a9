import type { KubeObject } from '../api/kube-object';

/**
 * The order objects are applied in, after Helm's install order: what others live in or refer to
 * first (namespaces, definitions, policies, identities, configuration, storage), then services,
 * then workloads, then what routes to them. NetworkPolicies come early so no pod ever starts
 * unprotected.
 */
const KIND_ORDER = [
  'Namespace',
  'CustomResourceDefinition',
  'PriorityClass',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'ClusterRole',
  'ClusterRoleBinding',
  'Role',
  'RoleBinding',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicaSet',
  'StatefulSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'Job',
  'CronJob',
  // Custom resources (Traefik middlewares, for instance) land here: after their definitions, before the routes that name them.
  '*',
  'Ingress',
  'IngressRoute',
  'APIService',
];

function rank(kind: string): number {
  const index = KIND_ORDER.indexOf(kind);
  return index >= 0 ? index : KIND_ORDER.indexOf('*');
}

/** A copy of `objects` in apply order; objects of one kind keep their rendered order. */
export function sortForApply<T extends Pick<KubeObject, 'kind'>>(objects: readonly T[]): T[] {
  return objects
    .map((object, index) => ({ object, index }))
    .sort((a, b) => rank(a.object.kind) - rank(b.object.kind) || a.index - b.index)
    .map(({ object }) => object);
}
