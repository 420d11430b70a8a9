import type { KubeObject } from '../api/kube-object';
import { describeResource } from './resource-id';

/** One use of a Secret by an object: an env value, a whole env source or a volume. */
export interface SecretReference {
  secret: string;
  namespace: string;
  /** The key used, when one key is named. */
  key?: string;
  optional: boolean;
  /** Who uses it: `Deployment netkeep/inventory`. */
  usedBy: string;
}

/** Every Secret an object uses through secretKeyRef, envFrom secretRef and secret volumes (projected ones included). */
export function secretReferencesOf(object: KubeObject): SecretReference[] {
  const references: SecretReference[] = [];
  const namespace = object.metadata.namespace ?? 'default';
  const usedBy = describeResource(object);
  const add = (secret: unknown, optional: unknown, key?: unknown): void => {
    if (typeof secret !== 'string') return;
    references.push({ secret, namespace, optional: optional === true, usedBy, ...(typeof key === 'string' ? { key } : {}) });
  };
  // A volume names the keys it projects, or takes them all.
  const addVolume = (secret: unknown, volume: Record<string, unknown>): void => {
    const keys = keysOfItems(volume['items']);
    if (keys.length === 0) add(secret, volume['optional']);
    for (const key of keys) add(secret, volume['optional'], key);
  };
  const visit = (node: unknown, parentKey: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, parentKey);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const fields = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(fields)) {
      const ref = value as Record<string, unknown> | undefined;
      if (key === 'secretKeyRef' && ref) add(ref['name'], ref['optional'], ref['key']);
      else if (key === 'secretRef' && parentKey === 'envFrom' && ref) add(ref['name'], ref['optional']);
      else if (key === 'secret' && parentKey === 'volumes' && ref) addVolume(ref['secretName'], ref);
      else if (key === 'secret' && parentKey === 'sources' && ref) addVolume(ref['name'], ref);
      visit(value, key);
    }
  };
  visit(object, '');
  return references;
}

function keysOfItems(items: unknown): string[] {
  return Array.isArray(items) ? items.map((item) => (item as { key?: unknown }).key).filter((key): key is string => typeof key === 'string') : [];
}
