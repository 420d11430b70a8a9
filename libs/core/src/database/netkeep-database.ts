import type { Kysely } from 'kysely';

/**
 * The process's database handle (what DATABASE injects). Untyped here because every domain owns
 * its tables: narrow it in the repository, `db as Kysely<InventoryTables>`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type NetkeepDatabase = Kysely<any>;
