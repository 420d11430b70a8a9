import { useState } from 'react';
import type { TelemetryState } from '../api/types';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { Timestamp } from '../shared/Timestamp';
import { useApiAction } from '../shared/use-api-action';
import { useApiQuery } from '../shared/use-api-query';
import { TelemetryView } from './TelemetryView';

/** The state refreshes about as often as the device is polled, but not more than every 5 s. */
function refreshMsFor(state: TelemetryState | undefined): number {
  return Math.max(5, state?.settings.intervalSeconds ?? 30) * 1000;
}

/** The busiest interface that is up: the first one worth a sparkline. */
function busiestInterface(state: TelemetryState): string | undefined {
  const ranked = [...state.interfaces].sort((a, b) => total(b) - total(a));
  return (ranked.find((entry) => entry.operStatus === 'up') ?? ranked[0])?.name;
}

function total(entry: TelemetryState['interfaces'][number]): number {
  return (entry.rates.inBitsPerSecond ?? 0) + (entry.rates.outBitsPerSecond ?? 0);
}

/** Loads and refreshes a device's telemetry and the chosen interface's history; operators may ask for a poll now. */
export function TelemetryPanel({ deviceId }: { deviceId: string }) {
  const { api, can } = useSession();
  const [chosen, setChosen] = useState<string>();
  const state = useApiQuery(`telemetry:${deviceId}`, (signal) => api.get('/api/v1/telemetry/devices/{id}', { path: { id: deviceId }, signal }), {
    refreshMs: refreshMsFor,
  });
  const selected = chosen ?? (state.data ? busiestInterface(state.data) : undefined);
  const history = useApiQuery(
    `history:${deviceId}:${selected}:${state.data?.sampledAt}`,
    (signal) => api.get('/api/v1/telemetry/devices/{id}/interfaces/{ifName}/history', { path: { id: deviceId, ifName: selected ?? '' }, signal }),
    { enabled: selected !== undefined, keepPreviousData: true },
  );
  const poll = useApiAction();

  const pollNow = async () => {
    await poll.run(() => api.post('/api/v1/telemetry/devices/{id}/poll', { path: { id: deviceId } }));
    // The poll is queued; its result shows within a second or two.
    setTimeout(state.reload, 1500);
  };

  return (
    <section aria-labelledby="telemetry-heading">
      <h2 id="telemetry-heading">Telemetry</h2>
      <div className="toolbar">
        <button type="button" onClick={state.reload}>
          Refresh
        </button>
        {can.operate && (
          <button type="button" onClick={pollNow} disabled={poll.pending}>
            Poll now
          </button>
        )}
        {state.data && (
          <span className="muted">
            sampled <Timestamp value={state.data.sampledAt} /> · every {state.data.settings.intervalSeconds} s
            {state.data.rateIntervalSeconds !== null && ` · rates over ${state.data.rateIntervalSeconds.toFixed(1)} s`}
          </span>
        )}
      </div>
      <ErrorNotice error={poll.error} title="Poll not started" />
      <ErrorNotice error={state.error} />
      {!state.data && !state.error && <p aria-live="polite">Loading telemetry…</p>}
      {state.data && (
        <TelemetryView state={state.data} history={history.data} historyError={history.error} selectedInterface={selected} onSelectInterface={setChosen} />
      )}
    </section>
  );
}
