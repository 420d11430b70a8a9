import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { FakeKubeApiError } from './fake-kube-api-error';
import {
  dottedPath,
  findConflicts,
  leavesOf,
  removePath,
  renderManagedFields,
  writePath,
  type ManagerEntry,
} from './fake-kube-field-ownership';
import { groupVersionOf, type FakeKubeResource } from './fake-kube-resources';

/** A stored object: plain JSON, as the API serves it. */
export type FakeKubeObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [field: string]: unknown };
  [field: string]: unknown;
};

export type FakeWatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

interface StoredObject {
  resource: FakeKubeResource;
  object: FakeKubeObject;
  managers: ManagerEntry[];
}

/** Metadata the server owns; an applied or created body cannot set it. */
const SERVER_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink'];

/**
 * The fake's etcd: objects by kind, namespace and name, one resourceVersion counter, change
 * events for watches. A write that changes nothing is no write: the resourceVersion stays, as on
 * a real server; `generation` moves only when `spec` does.
 */
export class FakeKubeStore {
  private readonly objects = new Map<string, StoredObject>();
  private resourceVersion = 100;
  readonly changes = new EventEmitter<{ change: [FakeWatchEventType, FakeKubeResource, FakeKubeObject] }>();

  constructor(private readonly now: () => Date = () => new Date()) {
    this.changes.setMaxListeners(0);
  }

  get currentResourceVersion(): string {
    return String(this.resourceVersion);
  }

  get(resource: FakeKubeResource, namespace: string | undefined, name: string): FakeKubeObject | undefined {
    const stored = this.objects.get(key(resource, namespace, name));
    return stored && render(stored);
  }

  list(resource: FakeKubeResource, namespace?: string): FakeKubeObject[] {
    return [...this.objects.values()]
      .filter((stored) => stored.resource === resource && (!namespace || stored.object.metadata.namespace === namespace))
      .map(render);
  }

  /** POST: a new object, owned by `manager` through an Update. */
  create(resource: FakeKubeResource, namespace: string | undefined, body: FakeKubeObject, manager: string): FakeKubeObject {
    const object = userContent(resource, namespace, body);
    const name = object.metadata.name;
    if (this.objects.has(key(resource, namespace, name))) {
      throw new FakeKubeApiError(409, 'AlreadyExists', `${resource.plural}${resource.group ? `.${resource.group}` : ''} "${name}" already exists`);
    }
    this.requireNamespace(resource, namespace);
    const entry: ManagerEntry = { manager, operation: 'Update', apiVersion: body.apiVersion, time: this.timestamp(), paths: new Set(ownedLeaves(object).keys()) };
    return this.insert(resource, object, [entry]);
  }

  /** PATCH with application/apply-patch+yaml: merge the manager's fields, refuse conflicts unless forced. */
  apply(resource: FakeKubeResource, namespace: string | undefined, name: string, body: FakeKubeObject, manager: string, force: boolean): FakeKubeObject {
    const config = userContent(resource, namespace, body);
    if (config.metadata.name !== name) {
      throw new FakeKubeApiError(400, 'BadRequest', `the name of the object (${config.metadata.name}) does not match the name on the URL (${name})`);
    }
    const applied = ownedLeaves(config);
    const stored = this.objects.get(key(resource, namespace, name));
    if (!stored) {
      this.requireNamespace(resource, namespace);
      const entry: ManagerEntry = { manager, operation: 'Apply', apiVersion: body.apiVersion, time: this.timestamp(), paths: new Set(applied.keys()) };
      return this.insert(resource, config, [entry]);
    }
    const current = userContent(resource, namespace, stored.object);
    const conflicts = findConflicts(current, applied, manager, stored.managers);
    if (conflicts.length && !force) {
      const list = conflicts.map((conflict) => `conflict with "${conflict.manager}": ${dottedPath(conflict.path)}`).join(', ');
      throw new FakeKubeApiError(409, 'Conflict', `Apply failed with ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}: ${list}`);
    }
    const others = stored.managers
      .filter((entry) => entry.manager !== manager)
      .map((entry) => ({ ...entry, paths: new Set([...entry.paths].filter((path) => !conflicts.some((conflict) => conflict.path === path))) }));
    const previous = stored.managers.find((entry) => entry.manager === manager && entry.operation === 'Apply');
    const merged = structuredClone(current) as FakeKubeObject;
    for (const path of previous?.paths ?? []) {
      if (!applied.has(path) && !others.some((entry) => entry.paths.has(path))) removePath(merged, path);
    }
    for (const [path, value] of applied) writePath(merged, path, JSON.parse(value));
    const ownershipChanged = !previous || !sameSet(previous.paths, new Set(applied.keys())) || conflicts.length > 0;
    if (!ownershipChanged && canonical(merged) === canonical(current)) return render(stored);
    const entry: ManagerEntry = { manager, operation: 'Apply', apiVersion: body.apiVersion, time: this.timestamp(), paths: new Set(applied.keys()) };
    return this.replace(stored, merged, [...others.filter((other) => other.paths.size > 0), entry]);
  }

  /** A controller's status write: bumps the resourceVersion, never the generation. */
  writeStatus(resource: FakeKubeResource, namespace: string | undefined, name: string, status: unknown): FakeKubeObject {
    const stored = this.objects.get(key(resource, namespace, name));
    if (!stored) throw new FakeKubeApiError(404, 'NotFound', `${resource.plural} "${name}" not found`);
    if (canonical(stored.object['status']) === canonical(status)) return render(stored);
    stored.object = { ...stored.object, status, metadata: { ...stored.object.metadata, resourceVersion: this.nextResourceVersion() } };
    return this.emit('MODIFIED', stored);
  }

  delete(resource: FakeKubeResource, namespace: string | undefined, name: string): FakeKubeObject | undefined {
    const stored = this.objects.get(key(resource, namespace, name));
    if (!stored) return undefined;
    this.objects.delete(key(resource, namespace, name));
    stored.object = { ...stored.object, metadata: { ...stored.object.metadata, resourceVersion: this.nextResourceVersion() } };
    return this.emit('DELETED', stored);
  }

  private insert(resource: FakeKubeResource, content: FakeKubeObject, managers: ManagerEntry[]): FakeKubeObject {
    const object: FakeKubeObject = {
      ...content,
      metadata: {
        ...content.metadata,
        uid: randomUUID(),
        creationTimestamp: this.timestamp(),
        resourceVersion: this.nextResourceVersion(),
        ...('spec' in content ? { generation: 1 } : {}),
      },
    };
    const stored: StoredObject = { resource, object, managers };
    this.objects.set(key(resource, content.metadata.namespace, content.metadata.name), stored);
    return this.emit('ADDED', stored);
  }

  private replace(stored: StoredObject, content: FakeKubeObject, managers: ManagerEntry[]): FakeKubeObject {
    const previous = stored.object;
    const specChanged = canonical(previous['spec']) !== canonical(content['spec']);
    const previousGeneration = previous.metadata['generation'] as number | undefined;
    const generation = previousGeneration === undefined ? ('spec' in content ? 1 : undefined) : previousGeneration + (specChanged ? 1 : 0);
    stored.managers = managers;
    stored.object = {
      ...content,
      ...(previous['status'] !== undefined ? { status: previous['status'] } : {}),
      metadata: {
        ...content.metadata,
        uid: previous.metadata['uid'],
        creationTimestamp: previous.metadata['creationTimestamp'],
        resourceVersion: this.nextResourceVersion(),
        ...(generation !== undefined ? { generation } : {}),
      },
    };
    return this.emit('MODIFIED', stored);
  }

  private emit(type: FakeWatchEventType, stored: StoredObject): FakeKubeObject {
    const object = render(stored);
    this.changes.emit('change', type, stored.resource, object);
    return object;
  }

  private requireNamespace(resource: FakeKubeResource, namespace: string | undefined): void {
    if (!resource.namespaced) return;
    const exists = [...this.objects.values()].some((stored) => stored.resource.kind === 'Namespace' && stored.object.metadata.name === namespace);
    if (!exists) throw new FakeKubeApiError(404, 'NotFound', `namespaces "${namespace}" not found`);
  }

  private nextResourceVersion(): string {
    this.resourceVersion += 1;
    return String(this.resourceVersion);
  }

  private timestamp(): string {
    return this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
}

function key(resource: FakeKubeResource, namespace: string | undefined, name: string): string {
  return `${groupVersionOf(resource)}|${resource.kind}|${resource.namespaced ? namespace : ''}|${name}`;
}

/** What a client may set: the body without server metadata and status, in its namespace, Secret strings encoded. */
function userContent(resource: FakeKubeResource, namespace: string | undefined, body: FakeKubeObject): FakeKubeObject {
  const { status: _status, ...content } = structuredClone(body);
  const metadata = Object.fromEntries(Object.entries(content.metadata ?? {}).filter(([field]) => !SERVER_METADATA.includes(field))) as FakeKubeObject['metadata'];
  if (resource.namespaced) {
    if (metadata.namespace && metadata.namespace !== namespace) {
      throw new FakeKubeApiError(400, 'BadRequest', `the namespace of the object (${metadata.namespace}) does not match the namespace on the URL (${namespace})`);
    }
    metadata.namespace = namespace;
  }
  if (!metadata.name) throw new FakeKubeApiError(422, 'Invalid', `${resource.kind} is invalid: metadata.name: Required value`);
  const object: FakeKubeObject = { ...content, apiVersion: groupVersionOf(resource), kind: resource.kind, metadata };
  if (resource.kind === 'Secret' && object['stringData']) {
    // The API server folds stringData into data; reads never show stringData.
    const encoded = Object.fromEntries(Object.entries(object['stringData'] as Record<string, string>).map(([name, value]) => [name, Buffer.from(value).toString('base64')]));
    object['data'] = { ...((object['data'] as Record<string, string>) ?? {}), ...encoded };
    delete object['stringData'];
  }
  return object;
}

/** The leaves a manager owns: everything it set except the identity every object carries. */
function ownedLeaves(object: FakeKubeObject): ReturnType<typeof leavesOf> {
  const leaves = leavesOf(object);
  for (const identity of [['apiVersion'], ['kind'], ['metadata', 'name'], ['metadata', 'namespace']]) leaves.delete(JSON.stringify(identity));
  return leaves;
}

function render(stored: StoredObject): FakeKubeObject {
  const object = structuredClone(stored.object);
  object.metadata['managedFields'] = renderManagedFields(stored.managers);
  return object;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((field) => [field, sortKeys((value as Record<string, unknown>)[field])]));
  }
  return value;
}
