import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/api-client';
import type { Whoami } from '../api/types';
import type { Permissions } from './permissions';

/** The signed-in session: the API with its token, who the token is and what it may do. */
export interface Session {
  api: ApiClient;
  who: Whoami;
  can: Permissions;
  signOut(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}
