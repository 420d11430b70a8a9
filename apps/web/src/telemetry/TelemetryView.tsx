import type { ApiError } from '../api/api-error';
import type { InterfaceHistory, TelemetryState } from '../api/types';
import { ErrorNotice } from '../shared/ErrorNotice';
import { formatBytes, formatDuration, formatPercent } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';
import { Timestamp } from '../shared/Timestamp';
import { InterfaceHistoryChart } from './InterfaceHistoryChart';
import { InterfaceTable } from './InterfaceTable';

const RATE_GAP_REASONS: Record<string, string> = {
  'first-sample': 'the first poll has no earlier one to compare with; rates appear after the next poll',
  reboot: 'the device rebooted since the last poll',
  'counter-reset': 'its counters were reset since the last poll',
  implausible: 'the counters moved implausibly far',
  'ambiguous-wrap': 'a 32-bit counter may have wrapped more than once',
  'no-interval': 'the two polls have no usable time between them',
  'not-comparable': 'the two polls used different sources',
};

export interface TelemetryViewProps {
  state: TelemetryState;
  /** The selected interface's last hour. */
  history?: InterfaceHistory;
  historyError?: ApiError;
  selectedInterface?: string;
  onSelectInterface(name: string): void;
}

/** A device's current telemetry from the API: poll status, uptime, CPU, memory, and its interfaces with rates and a last-hour sparkline. */
export function TelemetryView({ state, history, historyError, selectedInterface, onSelectInterface }: TelemetryViewProps) {
  const memory = state.memory;
  const up = state.interfaces.filter((entry) => entry.operStatus === 'up').length;
  return (
    <div className="telemetry">
      <section className="card vitals" aria-labelledby="vitals-heading">
        <h2 id="vitals-heading">Device</h2>
        <dl>
          <dt>Polling</dt>
          <dd>
            <StatusBadge status={state.poll.up ? 'up' : 'down'} label={state.poll.up ? 'answering' : 'not answering'} />{' '}
            {state.poll.source && <span className="muted">over {state.poll.source.toUpperCase()}</span>}
          </dd>
          <dt>Last good poll</dt>
          <dd>
            <Timestamp value={state.poll.lastSuccessAt} />
          </dd>
          <dt>Uptime</dt>
          <dd data-testid="uptime">{formatDuration(state.uptimeSeconds)}</dd>
          <dt>CPU</dt>
          <dd data-testid="cpu">{formatPercent(state.cpuPercent)}</dd>
          <dt>Memory</dt>
          <dd data-testid="memory">
            {memory ? `${formatBytes(memory.usedBytes)} of ${formatBytes(memory.totalBytes)} (${formatPercent((memory.usedBytes / memory.totalBytes) * 100)})` : '—'}
          </dd>
          <dt>Interfaces up</dt>
          <dd>
            {up} of {state.interfaces.length}
          </dd>
        </dl>
        {state.poll.lastError && (
          <p className="error-notice" role="status">
            Last poll error ({state.poll.lastError.kind}): {state.poll.lastError.message} <Timestamp value={state.poll.lastError.at} />
          </p>
        )}
        {state.rateGap && <p className="muted">No rates yet: {RATE_GAP_REASONS[state.rateGap] ?? state.rateGap}.</p>}
        {state.sysDescr && <p className="muted sys-descr">{state.sysDescr.split(/\r?\n/)[0]}</p>}
      </section>
      {selectedInterface && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">Last hour of {selectedInterface}</h2>
          <ErrorNotice error={historyError} />
          {history && history.interface === selectedInterface ? <InterfaceHistoryChart history={history} /> : !historyError && <p aria-live="polite">Loading…</p>}
        </section>
      )}
      <section aria-labelledby="interfaces-heading">
        <h2 id="interfaces-heading">Interfaces</h2>
        {state.interfaces.length === 0 ? (
          <p>No interface polled yet.</p>
        ) : (
          <InterfaceTable interfaces={state.interfaces} selected={selectedInterface} onSelect={onSelectInterface} />
        )}
      </section>
    </div>
  );
}
