/**
 * One schema, two engines. Migrations are written once with Kysely's schema builder and run on
 * SQLite and PostgreSQL alike, by these conventions:
 *
 * - ids: `text` primary keys holding `randomUUID()`; no auto-increment (it differs per engine).
 * - timestamps: `text` holding `Date#toISOString()` in UTC (`2025-01-31T09:15:00.000Z`). The
 *   fixed width makes string order equal time order, so `where expires_at < :now` and
 *   `order by created_at` work on both engines, and both drivers hand back the same string
 *   (pg would turn a timestamptz into a Date, SQLite has no timestamp type at all).
 * - booleans: `integer` 0/1 (SQLite has no boolean; pg would return true/false).
 * - JSON documents: `text` holding JSON.stringify; parse in the repository.
 * - counts: pg returns `count(*)` as a string (bigint); wrap in Number().
 * - each run of pending migrations is one transaction on both engines (see create-database.ts),
 *   so prefer addColumn/createTable/createIndex over SQLite table rebuilds.
 * - `dialectOf(db)` for anything else that must differ.
 */
export function isoTimestamp(date: Date): string {
  return date.toISOString();
}

/** SQLite 0/1 and pg booleans to a JS boolean. */
export function toBoolean(value: number | boolean | null | undefined): boolean {
  return value === true || value === 1;
}
