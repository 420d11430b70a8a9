import { type Kysely, PostgresAdapter, SqliteAdapter } from 'kysely';

export type SqlDialect = 'sqlite' | 'postgres';

/** Which engine `db` talks to, for the rare query or migration that must differ. */
export function dialectOf(db: Kysely<unknown>): SqlDialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  throw new Error(`unsupported database adapter ${adapter.constructor.name}`);
}
