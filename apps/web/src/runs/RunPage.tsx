import type { BackupResultStatus } from '../api/types';
import { href } from '../app/routes';
import { replaceRoute } from '../app/use-hash-route';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PageHeading } from '../shared/PageHeading';
import { StatusBadge } from '../shared/StatusBadge';
import { Timestamp } from '../shared/Timestamp';
import { useApiQuery } from '../shared/use-api-query';
import { RunProgress } from './RunProgress';

const RUNNING_REFRESH_MS = 1_000;
const RESULT_STATUSES: BackupResultStatus[] = ['queued', 'running', 'succeeded', 'unchanged', 'failed'];

/** One run: its progress and every device's result (phase and reason of each failure), live until it finishes. */
export function RunPage({ runId, query }: { runId: string; query: URLSearchParams }) {
  const { api } = useSession();
  const status = RESULT_STATUSES.find((value) => value === query.get('status'));
  const run = useApiQuery(`run:${runId}:${status}`, (signal) => api.get('/api/v1/backups/{id}', { path: { id: runId }, query: { status: status ? [status] : undefined }, signal }), {
    keepPreviousData: true,
    refreshMs: (data) => (data === undefined || data.status === 'running' ? RUNNING_REFRESH_MS : undefined),
  });
  const data = run.data;
  return (
    <>
      <p className="breadcrumbs">
        <a href={href.runs()}>Runs</a> /
      </p>
      <PageHeading>Backup run</PageHeading>
      <ErrorNotice error={run.error} />
      {data && (
        <>
          <dl className="run-facts">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={data.status} />
            </dd>
            <dt>Started</dt>
            <dd>
              <Timestamp value={data.createdAt} /> by {data.requestedBy ?? 'netkeep'} ({data.trigger})
            </dd>
            <dt>Finished</dt>
            <dd>
              <Timestamp value={data.finishedAt} />
            </dd>
            <dt>Progress</dt>
            <dd>
              <RunProgress run={data} />
            </dd>
          </dl>
          <div className="toolbar">
            <div className="field">
              <label htmlFor="run-status">Show</label>
              <select id="run-status" value={status ?? ''} onChange={(event) => replaceRoute(href.run(runId, { status: event.target.value || undefined }))}>
                <option value="">Every device</option>
                {RESULT_STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <table className="results">
            <caption className="visually-hidden">Per-device results</caption>
            <thead>
              <tr>
                <th scope="col">Device</th>
                <th scope="col">Result</th>
                <th scope="col">Failed at</th>
                <th scope="col">Reason</th>
                <th scope="col">Attempts</th>
                <th scope="col">Version</th>
                <th scope="col">Finished</th>
              </tr>
            </thead>
            <tbody>
              {(data.results ?? []).map((result) => (
                <tr key={result.deviceId}>
                  <th scope="row">
                    <a href={href.device(result.deviceId)}>{result.deviceName}</a>
                  </th>
                  <td>
                    <StatusBadge status={result.status} />
                    {result.changed && <span className="muted"> changed</span>}
                  </td>
                  <td>{result.phase ?? '—'}</td>
                  <td>{result.error ?? '—'}</td>
                  <td>{result.attempts}</td>
                  <td>{result.changed ? <a href={href.device(result.deviceId, 'diff')}>diff</a> : result.versionId ? <a href={href.device(result.deviceId, 'config')}>config</a> : '—'}</td>
                  <td>
                    <Timestamp value={result.finishedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
