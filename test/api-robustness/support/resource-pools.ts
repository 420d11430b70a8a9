export const COLLECTIONS = ['devices', 'sites', 'credentials', 'tokens', 'policies', 'runs', 'webhooks'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** Where each collection is listed, and what its list answer calls the items. */
export const COLLECTION_LISTS: Record<Collection, { path: string; items: 'results' | 'items' }> = {
  devices: { path: '/api/v1/devices?limit=1000', items: 'results' },
  sites: { path: '/api/v1/sites?limit=1000', items: 'results' },
  credentials: { path: '/api/v1/credentials?limit=1000', items: 'results' },
  tokens: { path: '/api/v1/tokens', items: 'items' },
  policies: { path: '/api/v1/backup-policies', items: 'results' },
  runs: { path: '/api/v1/backups?limit=1000', items: 'results' },
  webhooks: { path: '/api/v1/webhooks', items: 'results' },
};

/** The first path segment after /api/v1 (or after telemetry/ and internal/) names the collection an `{id}` belongs to. */
const SEGMENT_COLLECTIONS: Record<string, Collection> = {
  devices: 'devices',
  sites: 'sites',
  credentials: 'credentials',
  tokens: 'tokens',
  'backup-policies': 'policies',
  backups: 'runs',
  webhooks: 'webhooks',
};

export function collectionOf(path: string): Collection | undefined {
  const segments = path.replace(/^\/api\/v1\//, '').split('/');
  const first = segments[0] === 'telemetry' || segments[0] === 'internal' ? segments[1] : segments[0];
  return first === undefined ? undefined : SEGMENT_COLLECTIONS[first];
}

export interface PooledItem {
  id: string;
  name?: string;
  enabled?: boolean;
  /** Sites and credentials: devices that use it (a delete is refused while any do). */
  deviceCount?: number;
}

/**
 * What exists in the app under test, so valid requests can name real things: ids and names per
 * collection (refreshed from the list endpoints), and the version references of archived devices.
 */
export class ResourcePools {
  private readonly items = new Map<Collection, PooledItem[]>();
  /** Device id → references that name one of its versions (revision, version id, commit, "latest"). */
  readonly versionRefs = new Map<string, string[]>();
  /** Tokens the suite itself authenticates with: never revoked by a generated request. */
  readonly protectedTokenNames = new Set<string>();

  replace(collection: Collection, items: PooledItem[]): void {
    this.items.set(collection, collection === 'tokens' ? items.filter((item) => !this.protectedTokenNames.has(item.name ?? '')) : items);
  }

  list(collection: Collection): readonly PooledItem[] {
    return this.items.get(collection) ?? [];
  }

  ids(collection: Collection): string[] {
    return this.list(collection).map((item) => item.id);
  }

  names(collection: Collection): string[] {
    return this.list(collection).flatMap((item) => (item.name === undefined ? [] : [item.name]));
  }
}
