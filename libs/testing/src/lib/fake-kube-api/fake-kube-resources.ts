/** One kind the fake API server serves, as its discovery documents describe it. */
export interface FakeKubeResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

const core = (kind: string, plural: string, namespaced = true): FakeKubeResource => ({ group: '', version: 'v1', kind, plural, namespaced });
const grouped =
  (group: string, version: string) =>
  (kind: string, plural: string, namespaced = true): FakeKubeResource => ({ group, version, kind, plural, namespaced });

const apps = grouped('apps', 'v1');
const networking = grouped('networking.k8s.io', 'v1');
const rbac = grouped('rbac.authorization.k8s.io', 'v1');
const traefik = grouped('traefik.io', 'v1alpha1');

/**
 * The kinds a netkeep deploy touches on K3S: the built-in ones, plus the CRDs K3S ships with
 * Traefik (traefik.io; traefik.containo.us on older K3S releases).
 */
export const FAKE_KUBE_RESOURCES: readonly FakeKubeResource[] = [
  core('Namespace', 'namespaces', false),
  core('Node', 'nodes', false),
  core('ConfigMap', 'configmaps'),
  core('Secret', 'secrets'),
  core('Service', 'services'),
  core('ServiceAccount', 'serviceaccounts'),
  core('PersistentVolumeClaim', 'persistentvolumeclaims'),
  core('Pod', 'pods'),
  core('Event', 'events'),
  core('Endpoints', 'endpoints'),
  core('LimitRange', 'limitranges'),
  core('ResourceQuota', 'resourcequotas'),
  apps('Deployment', 'deployments'),
  apps('StatefulSet', 'statefulsets'),
  apps('DaemonSet', 'daemonsets'),
  apps('ReplicaSet', 'replicasets'),
  grouped('batch', 'v1')('Job', 'jobs'),
  grouped('batch', 'v1')('CronJob', 'cronjobs'),
  networking('Ingress', 'ingresses'),
  networking('IngressClass', 'ingressclasses', false),
  networking('NetworkPolicy', 'networkpolicies'),
  grouped('policy', 'v1')('PodDisruptionBudget', 'poddisruptionbudgets'),
  grouped('autoscaling', 'v2')('HorizontalPodAutoscaler', 'horizontalpodautoscalers'),
  rbac('Role', 'roles'),
  rbac('RoleBinding', 'rolebindings'),
  rbac('ClusterRole', 'clusterroles', false),
  rbac('ClusterRoleBinding', 'clusterrolebindings', false),
  grouped('apiextensions.k8s.io', 'v1')('CustomResourceDefinition', 'customresourcedefinitions', false),
  traefik('Middleware', 'middlewares'),
  traefik('IngressRoute', 'ingressroutes'),
  grouped('traefik.containo.us', 'v1alpha1')('Middleware', 'middlewares'),
  grouped('traefik.containo.us', 'v1alpha1')('IngressRoute', 'ingressroutes'),
];

export function groupVersionOf(resource: FakeKubeResource): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

export function findResourceByKind(apiVersion: string, kind: string): FakeKubeResource | undefined {
  return FAKE_KUBE_RESOURCES.find((resource) => groupVersionOf(resource) === apiVersion && resource.kind === kind);
}

export function findResourceByPlural(group: string, version: string, plural: string): FakeKubeResource | undefined {
  return FAKE_KUBE_RESOURCES.find((resource) => resource.group === group && resource.version === version && resource.plural === plural);
}

/** `GET /api/v1` or `GET /apis/<group>/<version>`: an APIResourceList, or undefined for an unknown group-version. */
export function apiResourceList(group: string, version: string): object | undefined {
  const resources = FAKE_KUBE_RESOURCES.filter((resource) => resource.group === group && resource.version === version);
  if (!resources.length) return undefined;
  const verbs = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: resources.flatMap((resource) => [
      { name: resource.plural, singularName: resource.kind.toLowerCase(), namespaced: resource.namespaced, kind: resource.kind, verbs },
      { name: `${resource.plural}/status`, singularName: '', namespaced: resource.namespaced, kind: resource.kind, verbs: ['get', 'patch', 'update'] },
    ]),
  };
}

/** `GET /apis`: every group with the versions the fake serves. */
export function apiGroupList(): object {
  const groups = new Map<string, string[]>();
  for (const resource of FAKE_KUBE_RESOURCES.filter((candidate) => candidate.group)) {
    const versions = groups.get(resource.group) ?? [];
    if (!versions.includes(resource.version)) versions.push(resource.version);
    groups.set(resource.group, versions);
  }
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups].map(([name, versions]) => ({
      name,
      versions: versions.map((version) => ({ groupVersion: `${name}/${version}`, version })),
      preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
    })),
  };
}
