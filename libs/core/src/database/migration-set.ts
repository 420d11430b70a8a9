import type { Migration } from 'kysely';

export type { Migration } from 'kysely';

/**
 * A domain's migrations. Each set keeps its own history table (`netkeep_migrations_<name>`),
 * so sets never collide and services that share one database but mount different domains
 * do not trip over each other's history. Keys sort alphabetically: `0001_devices`, `0002_…`.
 */
export interface MigrationSet {
  /** Lower-case letters, digits and underscores, e.g. `inventory`. */
  name: string;
  migrations: Record<string, Migration>;
}
