import { sql } from 'kysely';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database';
import { createDatabase } from './create-database';
import { describeDatabaseUrl, parseDatabaseUrl } from './database-url';
import { dialectOf } from './dialect';

describe('createDatabase', () => {
  it('opens SQLite with WAL, foreign keys and a busy timeout, creating the directory and an owner-only file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netkeep-sqlite-'));
    const db = createDatabase(`sqlite:${join(dir, 'nested', 'netkeep.db')}`);
    try {
      const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(dialectOf(db)).toBe('sqlite');
      expect((await stat(join(dir, 'nested', 'netkeep.db'))).mode & 0o777).toBe(0o600);
    } finally {
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('opens an in-memory SQLite database', async () => {
    const db = createDatabase('sqlite::memory:');
    try {
      expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.destroy();
    }
  });

  it('opens PostgreSQL through a pool', async () => {
    const database = await createTestDatabase('postgres');
    try {
      expect(dialectOf(database.db)).toBe('postgres');
      expect((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await database.destroy();
    }
  });

  it('parses the URL forms and hides a password when describing one', () => {
    expect(parseDatabaseUrl('sqlite:/var/lib/netkeep.db')).toEqual({ dialect: 'sqlite', filename: '/var/lib/netkeep.db' });
    expect(parseDatabaseUrl('sqlite:///var/lib/netkeep.db')).toEqual({ dialect: 'sqlite', filename: '/var/lib/netkeep.db' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', filename: ':memory:' });
    expect(parseDatabaseUrl('postgresql://u@h/d')).toEqual({ dialect: 'postgres', connectionString: 'postgresql://u@h/d' });
    expect(() => parseDatabaseUrl('mysql://h/d')).toThrow(/sqlite: or postgres/);
    expect(describeDatabaseUrl('postgres://netkeep:hunter2@db:5432/netkeep')).toBe('postgres://netkeep:***@db:5432/netkeep');
  });
});
