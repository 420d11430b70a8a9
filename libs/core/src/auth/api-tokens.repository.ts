import { Inject, Injectable } from '@nestjs/common';
import { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { DATABASE } from '../database/database.constants';
import type { AssignableRole } from './role';
import type { NetkeepDatabase } from '../database/netkeep-database';

interface ApiTokensTable {
  id: string;
  name: string;
  role: AssignableRole;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

interface CoreTables {
  api_tokens: ApiTokensTable;
}

/** A stored token as the API shows it: never the token, never its hash. Times are ISO-8601 UTC. */
export interface ApiTokenRecord {
  id: string;
  name: string;
  role: AssignableRole;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface NewApiToken {
  name: string;
  role: AssignableRole;
  tokenHash: string;
  createdAt: string;
  expiresAt: string | null;
}

/** The `api_tokens` table. Only hashes are stored. */
@Injectable()
export class ApiTokensRepository {
  private readonly db: Kysely<CoreTables>;

  constructor(@Inject(DATABASE) db: NetkeepDatabase) {
    this.db = db as Kysely<CoreTables>;
  }

  async insert(token: NewApiToken): Promise<ApiTokenRecord> {
    const row = await this.db.insertInto('api_tokens').values(toRow(token)).returningAll().executeTakeFirstOrThrow();
    return toRecord(row);
  }

  /** Inserts unless a token with this hash exists (several replicas may bootstrap at once); returns the stored one. */
  async insertIfAbsent(token: NewApiToken): Promise<ApiTokenRecord & { tokenHash: string }> {
    await this.db
      .insertInto('api_tokens')
      .values(toRow(token))
      .onConflict((conflict) => conflict.column('token_hash').doNothing())
      .execute();
    const stored = await this.findByHash(token.tokenHash);
    if (!stored) throw new Error('api token vanished right after insert');
    return stored;
  }

  async findByHash(tokenHash: string): Promise<(ApiTokenRecord & { tokenHash: string }) | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? { ...toRecord(row), tokenHash: row.token_hash } : undefined;
  }

  async findById(id: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async list(): Promise<ApiTokenRecord[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toRecord);
  }

  /** Marks the token revoked at `at` unless it already is; returns it as stored, or undefined for an unknown id. */
  async revoke(id: string, at: string): Promise<ApiTokenRecord | undefined> {
    await this.db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    return this.findById(id);
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}

function toRow(token: NewApiToken): ApiTokensTable {
  return {
    id: randomUUID(),
    name: token.name,
    role: token.role,
    token_hash: token.tokenHash,
    created_at: token.createdAt,
    expires_at: token.expiresAt,
    revoked_at: null,
    last_used_at: null,
  };
}

function toRecord(row: ApiTokensTable): ApiTokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
