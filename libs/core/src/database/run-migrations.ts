import { type MigrationResult, Migrator } from 'kysely';
import type { MigrationSet } from './migration-set';
import type { NetkeepDatabase } from './netkeep-database';

const SET_NAME = /^[a-z][a-z0-9_]{0,39}$/;

export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(readonly set: string, readonly migration: string | undefined, cause: unknown) {
    const what = migration ? `migration ${set}/${migration}` : `migrations of ${set}`;
    super(`${what} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export interface AppliedMigration {
  set: string;
  migration: string;
}

/** Brings every set to its latest migration, in the order given; returns what ran. Idempotent. */
export async function runMigrations(db: NetkeepDatabase, sets: readonly MigrationSet[]): Promise<AppliedMigration[]> {
  const seen = new Set<string>();
  for (const set of sets) {
    if (!SET_NAME.test(set.name)) throw new Error(`migration set name "${set.name}" must match ${SET_NAME}`);
    if (seen.has(set.name)) throw new Error(`migration set "${set.name}" is listed twice`);
    seen.add(set.name);
  }
  const applied: AppliedMigration[] = [];
  for (const set of sets) {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => set.migrations },
      migrationTableName: `netkeep_migrations_${set.name}`,
      migrationLockTableName: `netkeep_migrations_${set.name}_lock`,
    });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((result: MigrationResult) => result.status === 'Error');
    if (error) throw new MigrationError(set.name, failed?.migrationName, error);
    for (const result of results ?? []) applied.push({ set: set.name, migration: result.migrationName });
  }
  return applied;
}
