import type { ReactNode } from 'react';
import type { BackupStatus, Device } from '../api/types';
import { href } from '../app/routes';
import { StatusBadge } from '../shared/StatusBadge';
import { Timestamp } from '../shared/Timestamp';

/** Facts read from the device, how netkeep reaches it (never a secret: only whether one is set), its backup status, and `children` as further cards. */
export function DeviceOverview({ device, status, children }: { device: Device; status: BackupStatus | undefined; children?: ReactNode }) {
  return (
    <div className="overview">
      <section className="card" aria-labelledby="facts-heading">
        <h2 id="facts-heading">Facts</h2>
        <dl>
          <dt>Model</dt>
          <dd>{device.facts.model ?? '—'}</dd>
          <dt>Serial</dt>
          <dd>{device.facts.serial ?? '—'}</dd>
          <dt>OS version</dt>
          <dd>{device.facts.osVersion ?? '—'}</dd>
          <dt>Facts read</dt>
          <dd>
            <Timestamp value={device.facts.collectedAt} />
          </dd>
          <dt>Address</dt>
          <dd>
            <code>
              {device.host}:{device.port}
            </code>
          </dd>
          <dt>Platform</dt>
          <dd>{device.platform}</dd>
          <dt>Site</dt>
          <dd>{device.site ?? '—'}</dd>
          <dt>Role</dt>
          <dd>{device.role ?? '—'}</dd>
          <dt>Tags</dt>
          <dd>{device.tags.length > 0 ? device.tags.join(', ') : '—'}</dd>
          <dt>Credentials</dt>
          <dd>{device.credentialId ? 'assigned' : 'none'}</dd>
          <dt>SNMP</dt>
          <dd>{device.snmp ? `v${device.snmp.version}, port ${device.snmp.port}` : 'not configured'}</dd>
          {device.notes && (
            <>
              <dt>Notes</dt>
              <dd>{device.notes}</dd>
            </>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby="backup-heading">
        <h2 id="backup-heading">Backup</h2>
        {!status ? (
          <p aria-live="polite">Loading…</p>
        ) : (
          <dl>
            <dt>Last outcome</dt>
            <dd>{status.lastOutcome ? <StatusBadge status={status.lastOutcome} /> : 'never tried'}</dd>
            <dt>Last attempt</dt>
            <dd>
              <Timestamp value={status.lastAttemptAt} />
            </dd>
            <dt>Last success</dt>
            <dd>
              <Timestamp value={status.lastSuccessAt} />
            </dd>
            <dt>Last change</dt>
            <dd>
              <Timestamp value={status.lastChangeAt} />
            </dd>
            <dt>Last error</dt>
            <dd>
              {status.lastError ? (
                <>
                  <StatusBadge status="failed" label={status.lastError.phase} /> {status.lastError.message} <Timestamp value={status.lastError.at} />{' '}
                  {status.lastError.runId && <a href={href.run(status.lastError.runId)}>run</a>}
                </>
              ) : (
                'none'
              )}
            </dd>
            <dt>SSH algorithms</dt>
            <dd>{status.cryptoProfile ?? '—'}</dd>
          </dl>
        )}
      </section>
      {children}
    </div>
  );
}
