import type { KubeObject } from '../api/kube-object';

/** What kustomize identifies a resource by: group, version, kind, namespace and name. */
export interface ResourceId {
  group: string;
  version: string;
  kind: string;
  name: string;
  namespace: string;
}

export function resourceIdOf(object: KubeObject): ResourceId {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/', 2) : ['', object.apiVersion];
  return { group, version, kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace ?? '' };
}

export function sameResource(a: ResourceId, b: ResourceId): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name && a.namespace === b.namespace;
}

/** `Deployment netkeep/inventory`, `Namespace netkeep`: how errors name a resource. */
export function describeResource(object: KubeObject): string {
  const { namespace, name } = object.metadata;
  return `${object.kind} ${namespace ? `${namespace}/` : ''}${name}`;
}
