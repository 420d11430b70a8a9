/** Injection token of the process's `Kysely<any>`, migrated before the app listens. */
export const DATABASE = Symbol('NETKEEP_DATABASE');
