import { type NetkeepDatabase, NotFoundError } from '@netkeep/core';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { BackupTables, ConfigNoiseRulesTable } from '../archive/backup.tables';
import { type NoiseAction, type NoiseRule, validateNoiseRule } from './noise-rule';

/** An operator's rule as stored. */
export interface StoredNoiseRule extends NoiseRule {
  id: string;
  platform: string | null;
  description: string | null;
  createdAt: string;
}

/** Operator noise rules in `config_noise_rules`; validated before they are written, so every stored pattern compiles. */
export class NoiseRulesRepository {
  private readonly db: Kysely<BackupTables>;

  constructor(db: NetkeepDatabase, private readonly now: () => Date = () => new Date()) {
    this.db = db as Kysely<BackupTables>;
  }

  async list(): Promise<StoredNoiseRule[]> {
    const rows = await this.db.selectFrom('config_noise_rules').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toRule);
  }

  async create(rule: NoiseRule): Promise<StoredNoiseRule> {
    const valid = validateNoiseRule(rule);
    const row: ConfigNoiseRulesTable = {
      id: randomUUID(),
      platform: valid.platform ?? null,
      pattern: valid.pattern,
      action: valid.action,
      description: valid.description ?? null,
      created_at: this.now().toISOString(),
    };
    await this.db.insertInto('config_noise_rules').values(row).execute();
    return toRule(row);
  }

  async delete(id: string): Promise<void> {
    const result = await this.db.deleteFrom('config_noise_rules').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new NotFoundError(`noise rule ${id} does not exist`);
  }
}

function toRule(row: ConfigNoiseRulesTable): StoredNoiseRule {
  return {
    id: row.id,
    platform: row.platform,
    pattern: row.pattern,
    action: row.action as NoiseAction,
    description: row.description,
    createdAt: row.created_at,
  };
}
