import { sql, type RawBuilder } from 'kysely';

/** `%text%` with LIKE's own wildcards (% _) and the escape character taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * `lower(column) LIKE pattern ESCAPE '\'`. The explicit ESCAPE matters: PostgreSQL escapes
 * with a backslash by default, SQLite has no escape character unless told.
 */
export function lowerLike(column: RawBuilder<unknown>, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${column}) like ${pattern} escape '\\'`;
}
