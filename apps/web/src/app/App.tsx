import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient } from '../api/api-client';
import type { ApiError } from '../api/api-error';
import type { Whoami } from '../api/types';
import { permissionsOf } from '../session/permissions';
import { SessionContext, type Session } from '../session/session-context';
import { SignInPage } from '../session/SignInPage';
import { tokenStorage } from '../session/token-storage';
import { toApiError } from '../shared/use-api-query';
import { Shell } from './Shell';

/** Signed out: the token form. Signed in: the console, with the token's role deciding what it offers. */
export function App() {
  const [signedIn, setSignedIn] = useState<{ token: string; who: Whoami }>();
  const [error, setError] = useState<ApiError>();
  const [restoring, setRestoring] = useState(() => tokenStorage.read() !== null);

  const signOut = useCallback((reason?: ApiError) => {
    tokenStorage.clear();
    setSignedIn(undefined);
    setError(reason);
  }, []);

  const signIn = useCallback(async (token: string) => {
    try {
      const who = await new ApiClient(token).get('/api/v1/auth/whoami');
      tokenStorage.save(token);
      setError(undefined);
      setSignedIn({ token, who });
    } catch (failure) {
      const refusal = toApiError(failure);
      // A refused token is forgotten; an unreachable platform is not the token's fault (a reload tries it again).
      if (refusal.unauthorized) signOut(refusal);
      else setError(refusal);
    }
  }, [signOut]);

  // A reload keeps the session: the stored token is asked who it is again.
  useEffect(() => {
    const stored = tokenStorage.read();
    if (stored === null) return;
    void signIn(stored).finally(() => setRestoring(false));
  }, [signIn]);

  const session = useMemo<Session | undefined>(() => {
    if (!signedIn) return undefined;
    // A revoked or expired token ends the session with the API's reason.
    const api = new ApiClient(signedIn.token, { onUnauthorized: (reason) => signOut(reason) });
    return { api, who: signedIn.who, can: permissionsOf(signedIn.who.role), signOut: () => signOut() };
  }, [signedIn, signOut]);

  if (restoring && !session) return <p aria-live="polite">Signing in…</p>;
  if (!session) return <SignInPage onSignIn={signIn} error={error} />;
  return (
    <SessionContext.Provider value={session}>
      <Shell />
    </SessionContext.Provider>
  );
}
