import type { NetkeepDatabase } from '@netkeep/core';
import type Redis from 'ioredis';
import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Per part of the store, something that changes whenever its content does. */
export type StoreSnapshot = Record<string, string>;

/**
 * Columns that change on every authenticated request, whatever it asked for: the token's
 * last use is bookkeeping of the caller, not a change the request made.
 */
const BOOKKEEPING_COLUMNS: Record<string, readonly string[]> = { api_tokens: ['last_used_at'] };

/** BullMQ's timers and event log, and locks held for a moment: they move with time and workers, not with requests. */
const VOLATILE_REDIS_KEY = /:(stalled-check|events|metrics:[a-z]+(:data)?|meta|sync-lock|lock:[^:]+)$/;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/**
 * The whole store of an app under test, cheaply: each database table's row count and a hash
 * of its rows, a hash of each Redis key under the app's prefix, and the archive's refs and
 * object names. Equal snapshots mean nothing was written.
 */
export class StoreObserver {
  constructor(
    private readonly db: NetkeepDatabase,
    private readonly redis: Redis,
    private readonly redisPrefix: string,
    private readonly archiveDir: string,
  ) {}

  async capture(): Promise<StoreSnapshot> {
    const [tables, keys, archive] = await Promise.all([this.tables(), this.redisKeys(), this.archive()]);
    return { ...tables, ...keys, ...archive };
  }

  /** What differs between two snapshots, by part: `table devices`, `redis key …`. */
  static differences(before: StoreSnapshot, after: StoreSnapshot): string[] {
    const parts = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...parts].filter((part) => before[part] !== after[part]).map((part) => `${part}: ${before[part] ?? '(absent)'} → ${after[part] ?? '(absent)'}`);
  }

  private async tables(): Promise<StoreSnapshot> {
    const tables = await this.db.introspection.getTables();
    const entries = await Promise.all(
      tables.map(async (table): Promise<[string, string]> => {
        const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(this.db);
        const ignored = BOOKKEEPING_COLUMNS[table.name] ?? [];
        const lines = rows.map((row) => JSON.stringify(Object.entries(row).filter(([column]) => !ignored.includes(column)), bufferAsHex)).sort();
        return [`table ${table.name}`, `${rows.length} rows ${sha256(lines.join('\n'))}`];
      }),
    );
    return Object.fromEntries(entries);
  }

  private async redisKeys(): Promise<StoreSnapshot> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', `${this.redisPrefix}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch.filter((key) => !VOLATILE_REDIS_KEY.test(key)));
    } while (cursor !== '0');
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.dumpBuffer(key);
    const dumps = (await pipeline.exec()) ?? [];
    return Object.fromEntries(keys.map((key, index) => [`redis ${key.slice(this.redisPrefix.length)}`, sha256((dumps[index]?.[1] as Buffer | null) ?? 'gone')]));
  }

  private async archive(): Promise<StoreSnapshot> {
    const files = await listFiles(this.archiveDir);
    const refs = files.filter((file) => file === 'HEAD' || file === 'packed-refs' || file.startsWith('refs/'));
    const contents = await Promise.all(refs.map(async (file) => `${file} ${await readFile(join(this.archiveDir, file), 'utf8')}`));
    return { 'archive refs': sha256(contents.join('\n')), 'archive objects': `${files.filter((file) => file.startsWith('objects/')).length} files` };
  }
}

function bufferAsHex(_key: string, value: unknown): unknown {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Buffer' ? Buffer.from((value as { data: number[] }).data).toString('hex') : value;
}

async function listFiles(dir: string, root = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name), root) : Promise.resolve([relative(root, join(dir, entry.name))]))),
  );
  return nested.flat().sort();
}
