import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withStatementCache } from './sqlite-statement-cache';

interface Tables {
  items: { id: number; name: string };
}

describe('the SQLite statement cache', () => {
  let sqlite: Database.Database;
  let prepared: string[];
  const open = (size?: number) => new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, size) }) });
  beforeEach(() => {
    sqlite = new Database(':memory:');
    sqlite.exec('create table items (id integer primary key, name text)');
    prepared = [];
    const prepare = sqlite.prepare.bind(sqlite);
    vi.spyOn(sqlite, 'prepare').mockImplementation((text: string) => {
      prepared.push(text);
      return prepare(text);
    });
  });
  afterEach(() => sqlite.close());

  it('prepares a query once however often it runs, with any parameters', async () => {
    const db = open();
    for (let id = 1; id <= 50; id++) await db.insertInto('items').values({ id, name: `item ${id}` }).execute();
    for (let id = 1; id <= 50; id++) expect(await db.selectFrom('items').select('name').where('id', '=', id).executeTakeFirst()).toEqual({ name: `item ${id}` });
    expect(prepared).toHaveLength(2);
  });

  it('prepares the same query again while it is still being streamed', async () => {
    const db = open();
    await db.insertInto('items').values([1, 2, 3].map((id) => ({ id, name: `item ${id}` }))).execute();
    const query = db.selectFrom('items').select('id').orderBy('id');
    const streamed: number[] = [];
    // The same text asked for while the first statement is still being iterated gets a statement of its own.
    const cache = withStatementCache(sqlite);
    const outer = cache.prepare(query.compile().sql).iterate([]);
    for (const row of outer) {
      streamed.push((row as { id: number }).id);
      expect(cache.prepare(query.compile().sql).all([])).toHaveLength(3);
    }
    expect(streamed).toEqual([1, 2, 3]);
    expect(prepared.filter((text) => text === query.compile().sql).length).toBeGreaterThan(1);
  });

  it('keeps at most `size` statements, dropping the least recently used', async () => {
    const db = open(2);
    const run = (n: number) => sql.raw(`select ${n} as n`).execute(db);
    for (const n of [1, 2, 1, 3, 1, 2]) await run(n);
    expect(prepared).toEqual(['select 1 as n', 'select 2 as n', 'select 3 as n', 'select 2 as n']);
  });
});
