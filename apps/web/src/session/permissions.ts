import type { Role } from '../api/types';

/** What a role may do, so the console offers nothing the API would refuse. */
export interface Permissions {
  /** Start backups and polls, edit backup policies (operator and admin). */
  operate: boolean;
  /** Webhooks and API tokens (admin). */
  administer: boolean;
}

export function permissionsOf(role: Role): Permissions {
  return { operate: role === 'operator' || role === 'admin', administer: role === 'admin' };
}
