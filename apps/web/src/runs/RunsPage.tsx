import { href } from '../app/routes';
import { replaceRoute } from '../app/use-hash-route';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PageHeading } from '../shared/PageHeading';
import { Pager } from '../shared/Pager';
import { StatusBadge } from '../shared/StatusBadge';
import { Timestamp } from '../shared/Timestamp';
import { useApiQuery } from '../shared/use-api-query';
import { RunProgress } from './RunProgress';

const PAGE_SIZE = 20;
/** Live while a run is running; slower otherwise, so a scheduled run still shows up. */
const RUNNING_REFRESH_MS = 2_000;
const IDLE_REFRESH_MS = 15_000;
const TRIGGERS = ['manual', 'schedule', 'syslog'] as const;

/** Recent and running backup runs, newest first, refreshing on their own. */
export function RunsPage({ query }: { query: URLSearchParams }) {
  const { api } = useSession();
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const trigger = TRIGGERS.find((value) => value === query.get('trigger'));
  const runs = useApiQuery(`runs:${offset}:${trigger}`, (signal) => api.get('/api/v1/backups', { query: { limit: PAGE_SIZE, offset, trigger }, signal }), {
    keepPreviousData: true,
    refreshMs: (data) => (data?.results.some((run) => run.status === 'running') ? RUNNING_REFRESH_MS : IDLE_REFRESH_MS),
  });
  return (
    <>
      <PageHeading>Backup runs</PageHeading>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="runs-trigger">Started by</label>
          <select id="runs-trigger" value={trigger ?? ''} onChange={(event) => replaceRoute(href.runs({ trigger: event.target.value || undefined }))}>
            <option value="">Anything</option>
            <option value="manual">A person or the API</option>
            <option value="schedule">A backup policy</option>
            <option value="syslog">A change logged by the device</option>
          </select>
        </div>
        <button type="button" onClick={runs.reload}>
          Refresh
        </button>
      </div>
      <ErrorNotice error={runs.error} />
      {runs.data && runs.data.count === 0 && <p>No backup run yet.</p>}
      {runs.data && runs.data.count > 0 && (
        <>
          <table className="runs">
            <caption className="visually-hidden">Backup runs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Status</th>
                <th scope="col">Trigger</th>
                <th scope="col">By</th>
                <th scope="col">Progress</th>
                <th scope="col">Finished</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.results.map((run) => (
                <tr key={run.id}>
                  <th scope="row">
                    <a href={href.run(run.id)}>
                      <Timestamp value={run.createdAt} />
                    </a>
                  </th>
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td>{run.trigger}</td>
                  <td>{run.requestedBy ?? '—'}</td>
                  <td>
                    <RunProgress run={run} />
                  </td>
                  <td>
                    <Timestamp value={run.finishedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} limit={PAGE_SIZE} count={runs.data.count} noun="runs" onOffset={(next) => replaceRoute(href.runs({ offset: next || undefined, trigger }))} />
        </>
      )}
    </>
  );
}
