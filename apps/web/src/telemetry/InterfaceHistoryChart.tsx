import type { InterfaceHistory } from '../api/types';
import { formatBitsPerSecond } from '../shared/format';
import { Sparkline } from './Sparkline';

/** An interface's last hour: in and out rates as a sparkline, with the latest and the peak in words. */
export function InterfaceHistoryChart({ history }: { history: InterfaceHistory }) {
  const inbound = history.points.map((point) => point.inBitsPerSecond);
  const outbound = history.points.map((point) => point.outBitsPerSecond);
  const latest = (values: (number | null)[]) => [...values].reverse().find((value) => value !== null) ?? null;
  const peak = (values: (number | null)[]) => Math.max(0, ...values.filter((value): value is number => value !== null));
  const minutes = Math.round(history.windowSeconds / 60);
  const description =
    history.points.length === 0
      ? `No samples of ${history.interface} in the last ${minutes} minutes`
      : `${history.interface}, last ${minutes} minutes, ${history.points.length} samples: in now ${formatBitsPerSecond(latest(inbound))}, peak ${formatBitsPerSecond(peak(inbound))}; out now ${formatBitsPerSecond(latest(outbound))}, peak ${formatBitsPerSecond(peak(outbound))}`;
  return (
    <figure className="history card">
      <Sparkline
        description={description}
        width={480}
        height={80}
        series={[
          { label: 'in', values: inbound, className: 'series-in' },
          { label: 'out', values: outbound, className: 'series-out' },
        ]}
      />
      <figcaption>
        <strong>{history.interface}</strong>, last {minutes} min: <span className="legend-in">in</span> {formatBitsPerSecond(latest(inbound))} (peak {formatBitsPerSecond(peak(inbound))}),{' '}
        <span className="legend-out">out</span> {formatBitsPerSecond(latest(outbound))} (peak {formatBitsPerSecond(peak(outbound))}) · {history.points.length} samples
      </figcaption>
    </figure>
  );
}
