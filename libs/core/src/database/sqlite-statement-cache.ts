import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared; queries with a varying number of parameters make new texts, so the cache is bounded. */
const CACHED_STATEMENTS = 256;

/**
 * better-sqlite3 as Kysely's SQLite driver sees it, preparing each SQL text once: the driver
 * prepares every query it runs, and SQLite's parsing and planning costs more than running most
 * of ours. Least recently used statements are dropped first; one still being iterated (a
 * streamed query) is not handed out twice.
 */
export function withStatementCache(database: BetterSqlite3.Database, size = CACHED_STATEMENTS): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = statements.get(sql);
      statements.delete(sql);
      const statement = cached && !cached.busy ? cached : database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
