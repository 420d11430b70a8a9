import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { StatusBadge } from '../shared/StatusBadge';
import { Timestamp } from '../shared/Timestamp';
import { useApiAction } from '../shared/use-api-action';
import { useApiQuery } from '../shared/use-api-query';
import { PolicyForm } from './PolicyForm';
import { selectorText } from './selector-text';

/** Backup schedules: everyone reads them; operators add, pause and delete them. */
export function PoliciesSection() {
  const { api, can } = useSession();
  const policies = useApiQuery('policies', (signal) => api.get('/api/v1/backup-policies', { signal }));
  const change = useApiAction();

  const setEnabled = async (id: string, enabled: boolean) => {
    await change.run(() => api.patch('/api/v1/backup-policies/{id}', { path: { id }, body: { enabled } }));
    policies.reload();
  };
  const remove = async (id: string, name: string) => {
    if (!window.confirm(`Delete the backup policy "${name}"? Its schedule stops.`)) return;
    await change.run(() => api.delete('/api/v1/backup-policies/{id}', { path: { id } }));
    policies.reload();
  };

  return (
    <section aria-labelledby="policies-heading">
      <h2 id="policies-heading">Backup policies</h2>
      <ErrorNotice error={policies.error} />
      <ErrorNotice error={change.error} />
      {policies.data && policies.data.count === 0 && <p>No policy: devices are backed up only on request (or when they log a change).</p>}
      {policies.data && policies.data.count > 0 && (
        <table>
          <caption className="visually-hidden">Backup policies</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Schedule</th>
              <th scope="col">Devices</th>
              <th scope="col">State</th>
              <th scope="col">Next run</th>
              {can.operate && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {policies.data.results.map((policy) => (
              <tr key={policy.id}>
                <th scope="row">{policy.name}</th>
                <td>
                  <code>{policy.cron}</code> <span className="muted">{policy.timezone}</span>
                </td>
                <td>{selectorText(policy.selector)}</td>
                <td>
                  <StatusBadge status={policy.enabled ? 'enabled' : 'disabled'} />
                </td>
                <td>
                  <Timestamp value={policy.nextRunAt} />
                </td>
                {can.operate && (
                  <td className="actions">
                    <button type="button" onClick={() => setEnabled(policy.id, !policy.enabled)} disabled={change.pending}>
                      {policy.enabled ? 'Pause' : 'Resume'} <span className="visually-hidden">{policy.name}</span>
                    </button>
                    <button type="button" className="danger" onClick={() => remove(policy.id, policy.name)} disabled={change.pending}>
                      Delete <span className="visually-hidden">{policy.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can.operate && <PolicyForm onCreated={policies.reload} />}
    </section>
  );
}
