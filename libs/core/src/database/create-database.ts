import Database from 'better-sqlite3';
import { type DialectAdapter, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect } from 'kysely';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Pool } from 'pg';
import { parseDatabaseUrl } from './database-url';
import type { NetkeepDatabase } from './netkeep-database';
import { withStatementCache } from './sqlite-statement-cache';

export interface DatabaseOptions {
  /** Called when an idle PostgreSQL connection fails (the pool replaces it); without it such errors would crash the process. */
  onPoolError?: (error: Error) => void;
  /** PostgreSQL pool size. */
  maxConnections?: number;
}

const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const PG_CONNECT_TIMEOUT_MS = 5_000;

/** A Kysely for `sqlite:<path>` (better-sqlite3: WAL, foreign keys, busy timeout) or `postgres://…` (pg Pool). */
export function createDatabase(url: string, options: DatabaseOptions = {}): NetkeepDatabase {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') {
    const inFile = target.filename !== ':memory:';
    const isNew = inFile && !existsSync(target.filename);
    if (inFile) mkdirSync(dirname(target.filename), { recursive: true, mode: 0o700 });
    const sqlite = new Database(target.filename, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    // Token hashes and sealed credentials live here: owner only (SQLite gives -wal/-shm the same mode).
    if (isNew) chmodSync(target.filename, 0o600);
    if (inFile) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    sqlite.pragma('synchronous = NORMAL');
    return new Kysely({ dialect: new TransactionalSqliteDialect({ database: withStatementCache(sqlite) }) });
  }
  const pool = new Pool({
    connectionString: target.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

/**
 * SQLite runs DDL inside transactions, but Kysely's adapter says it cannot, so its Migrator would
 * leave half a migration behind on failure. This adapter says it can: each run is all or nothing,
 * on SQLite as on PostgreSQL.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
