import { useState } from 'react';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { StatusBadge } from '../shared/StatusBadge';
import { Timestamp } from '../shared/Timestamp';
import { useApiAction } from '../shared/use-api-action';
import { useApiQuery } from '../shared/use-api-query';

/**
 * The SSH host key every backup and poll of the device checks. A changed key the device offered
 * is shown beside it, refused; an admin accepts it once its fingerprint was compared on the device.
 */
export function HostKeyCard({ deviceId, refreshKey }: { deviceId: string; refreshKey: number }) {
  const { api, can } = useSession();
  const [accepted, setAccepted] = useState(0);
  const hostKey = useApiQuery(`host-key:${deviceId}:${refreshKey}:${accepted}`, (signal) => api.get('/api/v1/devices/{id}/host-key', { path: { id: deviceId }, signal }), {
    keepPreviousData: true,
  });
  const accept = useApiAction();
  const [compared, setCompared] = useState(false);
  const notRecorded = hostKey.error?.status === 404;

  const acceptRefused = async (fingerprint: string) => {
    const done = await accept.run(() => api.post('/api/v1/devices/{id}/host-key/accept', { path: { id: deviceId }, body: { fingerprint } }));
    if (done) {
      setCompared(false);
      setAccepted((value) => value + 1);
    }
  };

  const current = hostKey.data;
  return (
    <section className="card" aria-labelledby="host-key-heading">
      <h2 id="host-key-heading">SSH host key</h2>
      {notRecorded && <p>Not recorded yet: the first backup or poll over SSH records the key the device offers.</p>}
      {!notRecorded && <ErrorNotice error={hostKey.error} />}
      {!current && !hostKey.error && <p aria-live="polite">Loading…</p>}
      {current && (
        <dl>
          <dt>Trusted</dt>
          <dd>
            {current.algorithm} <code>{current.fingerprint}</code>
          </dd>
          <dt>Recorded</dt>
          <dd>
            <Timestamp value={current.recordedAt} />
          </dd>
          {current.refused && (
            <>
              <dt>Refused</dt>
              <dd>
                <StatusBadge status="failed" label="changed" /> {current.refused.algorithm} <code>{current.refused.fingerprint}</code> offered{' '}
                <Timestamp value={current.refused.offeredAt} />
                {can.administer && (
                  <div className="host-key-accept">
                    <label className="checkbox">
                      <input type="checkbox" checked={compared} onChange={(event) => setCompared(event.target.checked)} /> I compared this fingerprint with the one the device
                      itself shows
                    </label>
                    <button type="button" disabled={!compared || accept.pending} onClick={() => acceptRefused(current.refused!.fingerprint)}>
                      Trust the new key
                    </button>
                    <ErrorNotice error={accept.error} title="Key not accepted" />
                  </div>
                )}
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
