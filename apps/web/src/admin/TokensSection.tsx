import { useState, type FormEvent } from 'react';
import type { AssignableRole, IssuedApiToken } from '../api/types';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { StatusBadge } from '../shared/StatusBadge';
import { Timestamp } from '../shared/Timestamp';
import { useApiAction } from '../shared/use-api-action';
import { useApiQuery } from '../shared/use-api-query';
import { NewTokenNotice } from './NewTokenNotice';

const ROLES: { value: AssignableRole; label: string }[] = [
  { value: 'viewer', label: 'viewer: reads everything' },
  { value: 'operator', label: 'operator: also changes devices and starts backups' },
  { value: 'admin', label: 'admin: also credentials, tokens and webhooks' },
];

/** API tokens: issue one (shown once), see when each was last used, revoke it (admins only). */
export function TokensSection() {
  const { api, who } = useSession();
  const tokens = useApiQuery('tokens', (signal) => api.get('/api/v1/tokens', { signal }));
  const change = useApiAction();
  const [issued, setIssued] = useState<IssuedApiToken>();
  const [form, setForm] = useState<{ name: string; role: AssignableRole; expiresOn: string }>({ name: '', role: 'viewer', expiresOn: '' });

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const expiresAt = form.expiresOn ? new Date(`${form.expiresOn}T00:00:00`).toISOString() : undefined;
    const token = await change.run(() => api.post('/api/v1/tokens', { body: { name: form.name, role: form.role, expiresAt } }));
    if (token) {
      setIssued(token);
      setForm({ name: '', role: 'viewer', expiresOn: '' });
      tokens.reload();
    }
  };
  const revoke = async (id: string, name: string) => {
    const own = id === who.tokenId;
    if (!window.confirm(own ? `Revoke "${name}", the token you are signed in with? You will be signed out.` : `Revoke the token "${name}"? Requests with it are refused from now on.`)) return;
    await change.run(() => api.delete('/api/v1/tokens/{id}', { path: { id } }));
    tokens.reload();
  };

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      {issued && <NewTokenNotice issued={issued} onDismiss={() => setIssued(undefined)} />}
      <ErrorNotice error={tokens.error} />
      <ErrorNotice error={change.error} />
      {tokens.data && (
        <table>
          <caption className="visually-hidden">API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((token) => (
              <tr key={token.id}>
                <th scope="row">
                  {token.name}
                  {token.id === who.tokenId && <span className="muted"> (you)</span>}
                </th>
                <td>{token.role}</td>
                <td>
                  <Timestamp value={token.createdAt} />
                </td>
                <td>
                  <Timestamp value={token.lastUsedAt} />
                </td>
                <td>{token.expiresAt ? <Timestamp value={token.expiresAt} /> : 'never'}</td>
                <td>{token.revokedAt ? <StatusBadge status="failed" label="revoked" /> : <StatusBadge status="enabled" label="active" />}</td>
                <td className="actions">
                  {!token.revokedAt && (
                    <button type="button" className="danger" onClick={() => revoke(token.id, token.name)} disabled={change.pending}>
                      Revoke <span className="visually-hidden">{token.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="card form-grid" onSubmit={create} aria-labelledby="new-token-form-heading">
        <h3 id="new-token-form-heading">New token</h3>
        <div className="field">
          <label htmlFor="token-name">Name (what it is for)</label>
          <input id="token-name" required value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} placeholder="ci-backup-trigger" />
        </div>
        <div className="field">
          <label htmlFor="token-role">Role</label>
          <select id="token-role" value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as AssignableRole })}>
            {ROLES.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="token-expires">Expires on (optional)</label>
          <input id="token-expires" type="date" value={form.expiresOn} onChange={(event) => setForm({ ...form, expiresOn: event.target.value })} />
        </div>
        <button type="submit" className="primary" disabled={change.pending}>
          Create token
        </button>
      </form>
    </section>
  );
}
