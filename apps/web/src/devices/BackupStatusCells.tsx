import type { BackupStatus } from '../api/types';
import { StatusBadge } from '../shared/StatusBadge';
import { Timestamp } from '../shared/Timestamp';

/** A device's backup columns: last outcome, last success, last error with its phase, last change. */
export function BackupStatusCells({ status }: { status: BackupStatus | undefined }) {
  if (!status) {
    return (
      <td colSpan={4} className="muted">
        …
      </td>
    );
  }
  return (
    <>
      <td>{status.lastOutcome ? <StatusBadge status={status.lastOutcome} /> : <span className="muted">never tried</span>}</td>
      <td>
        <Timestamp value={status.lastSuccessAt} />
      </td>
      <td className="error-cell">
        {status.lastError ? (
          <>
            <StatusBadge status="failed" label={status.lastError.phase} /> <span>{status.lastError.message}</span>{' '}
            <Timestamp value={status.lastError.at} />
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <Timestamp value={status.lastChangeAt} />
      </td>
    </>
  );
}
