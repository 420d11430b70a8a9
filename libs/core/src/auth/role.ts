/**
 * viewer < operator < admin for people and their automation; `service` is netkeep's own
 * services calling each other and is never stored on a token. A service principal may also
 * read (viewer routes); routes marked `@Roles('service')` accept nothing else.
 */
export type Role = 'viewer' | 'operator' | 'admin' | 'service';

/** Roles an admin may give a stored token. */
export type AssignableRole = Exclude<Role, 'service'>;

export const ASSIGNABLE_ROLES: readonly AssignableRole[] = ['viewer', 'operator', 'admin'];

const RANK: Record<AssignableRole, number> = { viewer: 1, operator: 2, admin: 3 };

/** Whether a principal holding `held` may use a route needing at least `needed`. */
export function roleSatisfies(held: Role, needed: Role): boolean {
  if (needed === 'service') return held === 'service';
  if (held === 'service') return needed === 'viewer';
  return RANK[held] >= RANK[needed];
}

export function isAssignableRole(value: unknown): value is AssignableRole {
  return typeof value === 'string' && (ASSIGNABLE_ROLES as readonly string[]).includes(value);
}
