import type { BackupRun } from '../api/types';

/** A run's progress as a bar and in words: how many devices are done, and how each ended. */
export function RunProgress({ run }: { run: BackupRun }) {
  const { total, queued, running, succeeded, unchanged, failed } = run.progress;
  const done = succeeded + unchanged + failed;
  return (
    <div className="run-progress">
      <progress value={done} max={Math.max(total, 1)} aria-label={`${done} of ${total} devices done`} />
      <span>
        {done}/{total} done
        {succeeded > 0 && <span className="good"> · {succeeded} succeeded</span>}
        {unchanged > 0 && <span className="good"> · {unchanged} unchanged</span>}
        {failed > 0 && <span className="bad"> · {failed} failed</span>}
        {running > 0 && <span className="busy"> · {running} running</span>}
        {queued > 0 && <span className="busy"> · {queued} queued</span>}
      </span>
    </div>
  );
}
