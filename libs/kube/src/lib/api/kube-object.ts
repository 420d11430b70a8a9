/** A Kubernetes object as JSON, the shape manifests are rendered to and the API answers with. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMetadata;
  [field: string]: unknown;
}

export interface KubeObjectMetadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  resourceVersion?: string;
  generation?: number;
  [field: string]: unknown;
}

/** What names one object; `namespace` is absent for cluster-scoped kinds. */
export interface ObjectReference {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export function referenceOf(object: KubeObject): ObjectReference {
  const { apiVersion, kind, metadata } = object;
  return metadata.namespace
    ? { apiVersion, kind, name: metadata.name, namespace: metadata.namespace }
    : { apiVersion, kind, name: metadata.name };
}

/** kubectl's way of naming an object in its output: `deployment.apps/inventory`, `namespace/netkeep`. */
export function displayName(reference: Pick<ObjectReference, 'apiVersion' | 'kind' | 'name'>): string {
  const group = reference.apiVersion.includes('/') ? reference.apiVersion.split('/')[0] : '';
  const kind = reference.kind.toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${reference.name}`;
}
