import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { StatusBadge } from '../shared/StatusBadge';
import { useApiAction } from '../shared/use-api-action';
import { useApiQuery } from '../shared/use-api-query';
import { WebhookForm } from './WebhookForm';

/** Where netkeep posts its events, signed with each webhook's secret (admins only). */
export function WebhooksSection() {
  const { api } = useSession();
  const webhooks = useApiQuery('webhooks', (signal) => api.get('/api/v1/webhooks', { signal }));
  const change = useApiAction();

  const setEnabled = async (id: string, enabled: boolean) => {
    await change.run(() => api.patch('/api/v1/webhooks/{id}', { path: { id }, body: { enabled } }));
    webhooks.reload();
  };
  const remove = async (id: string, url: string) => {
    if (!window.confirm(`Delete the webhook to ${url}?`)) return;
    await change.run(() => api.delete('/api/v1/webhooks/{id}', { path: { id } }));
    webhooks.reload();
  };

  return (
    <section aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <ErrorNotice error={webhooks.error} />
      <ErrorNotice error={change.error} />
      {webhooks.data && webhooks.data.count === 0 && <p>No webhook.</p>}
      {webhooks.data && webhooks.data.count > 0 && (
        <table>
          <caption className="visually-hidden">Webhooks</caption>
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Events</th>
              <th scope="col">Description</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {webhooks.data.results.map((webhook) => (
              <tr key={webhook.id}>
                <th scope="row">
                  <code>{webhook.url}</code>
                </th>
                <td>{webhook.events.join(', ')}</td>
                <td>{webhook.description ?? '—'}</td>
                <td>
                  <StatusBadge status={webhook.enabled ? 'enabled' : 'disabled'} />
                </td>
                <td className="actions">
                  <button type="button" onClick={() => setEnabled(webhook.id, !webhook.enabled)} disabled={change.pending}>
                    {webhook.enabled ? 'Pause' : 'Resume'} <span className="visually-hidden">{webhook.url}</span>
                  </button>
                  <button type="button" className="danger" onClick={() => remove(webhook.id, webhook.url)} disabled={change.pending}>
                    Delete <span className="visually-hidden">{webhook.url}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <WebhookForm onCreated={webhooks.reload} />
    </section>
  );
}
