import type { Role } from './role';

/** Who made a request: a stored token's holder, or a netkeep service. */
export interface Principal {
  kind: 'user' | 'service';
  /** The stored token's id (users only). */
  tokenId?: string;
  role: Role;
  name: string;
}
