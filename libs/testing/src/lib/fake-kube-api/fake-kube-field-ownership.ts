/**
 * Server-side apply's bookkeeping, simplified: every leaf of an applied object (a scalar, an
 * empty map, or a whole list — lists count as atomic here, unlike the real merge keys) is owned
 * by the field managers that set it. Enough to merge applies, detect conflicts between managers
 * and render `managedFields`.
 */
export type FieldPath = string;
export type Leaves = Map<FieldPath, string>;

export interface ManagerEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  paths: Set<FieldPath>;
}

export interface FieldConflict {
  manager: string;
  path: FieldPath;
}

/** Leaf paths (JSON-encoded key lists) of an object, each with its JSON value. */
export function leavesOf(value: unknown, prefix: string[] = [], leaves: Leaves = new Map()): Leaves {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) leavesOf(child, [...prefix, key], leaves);
  } else if (prefix.length) {
    leaves.set(JSON.stringify(prefix), JSON.stringify(value));
  }
  return leaves;
}

export function readPath(object: unknown, path: FieldPath): unknown {
  return (JSON.parse(path) as string[]).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], object);
}

export function writePath(object: Record<string, unknown>, path: FieldPath, value: unknown): void {
  const keys = JSON.parse(path) as string[];
  let node = object;
  keys.slice(0, -1).forEach((key) => {
    if (!node[key] || typeof node[key] !== 'object' || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1] as string] = value;
}

/** Removes a leaf and any map it leaves empty. */
export function removePath(object: Record<string, unknown>, path: FieldPath): void {
  const keys = JSON.parse(path) as string[];
  const parents: Record<string, unknown>[] = [];
  let node: Record<string, unknown> | undefined = object;
  for (const key of keys.slice(0, -1)) {
    parents.push(node);
    node = node[key] as Record<string, unknown> | undefined;
    if (!node || typeof node !== 'object') return;
  }
  delete node[keys[keys.length - 1] as string];
  for (let depth = keys.length - 2; depth >= 0; depth--) {
    const parent = parents[depth] as Record<string, unknown>;
    const key = keys[depth] as string;
    const child = parent[key] as Record<string, unknown>;
    if (child && typeof child === 'object' && Object.keys(child).length === 0) delete parent[key];
    else break;
  }
}

/** Fields `manager` would change that another manager set to a different value. */
export function findConflicts(current: unknown, applied: Leaves, manager: string, entries: readonly ManagerEntry[]): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  for (const [path, value] of applied) {
    for (const entry of entries) {
      if (entry.manager === manager || !entry.paths.has(path)) continue;
      if (JSON.stringify(readPath(current, path)) !== value) conflicts.push({ manager: entry.manager, path });
    }
  }
  return conflicts;
}

/** `.spec.replicas`, the way the API server names a conflicting field. */
export function dottedPath(path: FieldPath): string {
  return (JSON.parse(path) as string[]).map((key) => `.${key}`).join('');
}

/** `metadata.managedFields` as the API server renders it (FieldsV1: nested `f:` keys). */
export function renderManagedFields(entries: readonly ManagerEntry[]): object[] {
  return entries
    .filter((entry) => entry.paths.size > 0)
    .map((entry) => ({
      manager: entry.manager,
      operation: entry.operation,
      apiVersion: entry.apiVersion,
      time: entry.time,
      fieldsType: 'FieldsV1',
      fieldsV1: fieldsV1(entry.paths),
    }));
}

function fieldsV1(paths: Set<FieldPath>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const path of [...paths].sort()) {
    let node = root;
    for (const key of JSON.parse(path) as string[]) {
      node = (node[`f:${key}`] ??= {}) as Record<string, unknown>;
    }
  }
  return root;
}
