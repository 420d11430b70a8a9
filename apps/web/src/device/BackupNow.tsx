import { useEffect, useState } from 'react';
import type { BackupRun } from '../api/types';
import { href } from '../app/routes';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { StatusBadge } from '../shared/StatusBadge';
import { useApiAction } from '../shared/use-api-action';
import { useApiQuery } from '../shared/use-api-query';

const POLL_MS = 1000;

/** Starts a backup of one device and follows its run until it finishes: queued, running, then the outcome. */
export function BackupNow({ deviceId, onFinished }: { deviceId: string; onFinished(run: BackupRun): void }) {
  const { api } = useSession();
  const start = useApiAction();
  const [runId, setRunId] = useState<string>();
  const run = useApiQuery(`backup-now:${runId}`, (signal) => api.get('/api/v1/backups/{id}', { path: { id: runId ?? '' }, signal }), {
    enabled: runId !== undefined,
    refreshMs: (data) => (data?.status === 'finished' ? undefined : POLL_MS),
  });
  const finished = run.data?.status === 'finished';

  useEffect(() => {
    if (finished && run.data) onFinished(run.data);
    // Once per finished run.
  }, [finished, run.data?.id]);

  const begin = async () => {
    const started = await start.run(() => api.post('/api/v1/backups', { body: { deviceIds: [deviceId] } }));
    if (started) setRunId(started.id);
  };

  const result = run.data?.results?.find((entry) => entry.deviceId === deviceId);
  const running = runId !== undefined && !finished;
  return (
    <div className="backup-now">
      <button type="button" className="primary" onClick={begin} disabled={start.pending || running}>
        {running ? 'Backing up…' : 'Back up now'}
      </button>
      <ErrorNotice error={start.error} title="Backup not started" />
      <ErrorNotice error={run.error} />
      {run.data && (
        <p className="backup-progress" role="status">
          {result ? <StatusBadge status={result.status} /> : <StatusBadge status={run.data.status} />}{' '}
          {describe(run.data, result)} <a href={href.run(run.data.id)}>Open the run</a>
        </p>
      )}
    </div>
  );
}

function describe(run: BackupRun, result: NonNullable<BackupRun['results']>[number] | undefined): string {
  if (!result) return run.status === 'finished' ? 'Finished.' : 'Queued.';
  switch (result.status) {
    case 'queued':
      return 'Waiting for a worker.';
    case 'running':
      return `Connected, reading the configuration (attempt ${Math.max(1, result.attempts)}).`;
    case 'succeeded':
      return result.changed ? 'Backed up: the configuration changed, a new version is archived.' : 'Backed up.';
    case 'unchanged':
      return 'Backed up: the configuration is unchanged.';
    case 'failed':
      return `Failed${result.phase ? ` at ${result.phase}` : ''}: ${result.error ?? 'no reason given'}.`;
  }
}
