import type { KubeObject } from '../api/kube-object';

/**
 * Whether an apply changed what the object says, ignoring what changes on its own: `status`
 * (controllers write it all the time, so a resourceVersion bump alone proves nothing),
 * the resourceVersion itself and the timestamps of managedFields entries.
 */
export function objectChanged(before: KubeObject, after: KubeObject): boolean {
  if (before.metadata.resourceVersion && before.metadata.resourceVersion === after.metadata.resourceVersion) return false;
  return JSON.stringify(comparable(before)) !== JSON.stringify(comparable(after));
}

function comparable(object: KubeObject): unknown {
  const { status: _status, ...content } = object;
  const { resourceVersion: _resourceVersion, managedFields, ...metadata } = object.metadata;
  const fieldOwners = Array.isArray(managedFields)
    ? managedFields.map((entry: Record<string, unknown>) => ({ ...entry, time: undefined }))
    : managedFields;
  return sortKeys({ ...content, metadata: { ...metadata, managedFields: fieldOwners } });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
