import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/api-error';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PageHeading } from '../shared/PageHeading';

export interface SignInPageProps {
  onSignIn(token: string): Promise<void>;
  /** Why the last session ended (a revoked or expired token), or why the token was refused. */
  error?: ApiError;
}

/** Signing in is presenting an API token; the console keeps it for this tab's session only. */
export function SignInPage({ onSignIn, error }: SignInPageProps) {
  const [token, setToken] = useState('');
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    try {
      await onSignIn(token.trim());
    } finally {
      setPending(false);
    }
  };

  return (
    <main className="sign-in">
      <PageHeading>netkeep</PageHeading>
      <form onSubmit={submit} className="card">
        <label htmlFor="api-token">API token</label>
        <input
          id="api-token"
          name="api-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-describedby="api-token-help"
        />
        <p id="api-token-help" className="muted">
          An admin creates tokens under Admin → API tokens; the first admin token is in the platform's data directory
          (<code>.netkeep/admin-token</code>). It is kept for this browser tab only.
        </p>
        <ErrorNotice error={error} />
        <button type="submit" className="primary" disabled={pending || token.trim() === ''}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
