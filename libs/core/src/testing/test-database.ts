import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabase } from '../database/create-database';
import type { NetkeepDatabase } from '../database/netkeep-database';

export type TestDatabaseKind = 'sqlite' | 'postgres';

export interface TestDatabase {
  kind: TestDatabaseKind;
  /** A DATABASE_URL for an app under test. */
  url: string;
  /** A connection of the test's own (not migrated). */
  db: NetkeepDatabase;
  /** Closes `db` and drops the database (or deletes the SQLite file). */
  destroy(): Promise<void>;
}

/** The local server tests use; trust auth as user postgres. */
const POSTGRES_ADMIN_URL = process.env['NETKEEP_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database of its own: a SQLite file in a temp directory, or `netkeep_test_<random>` on local PostgreSQL. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'netkeep-db-'));
    const url = `sqlite:${join(dir, 'netkeep.db')}`;
    const db = createDatabase(url);
    return {
      kind,
      url,
      db,
      destroy: async () => {
        await db.destroy();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `netkeep_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = createDatabase(url.toString(), { maxConnections: 4 });
  return {
    kind,
    url: url.toString(),
    db,
    destroy: async () => {
      await db.destroy();
      // FORCE: an app under test may still hold a connection while it shuts down.
      await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdminClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
