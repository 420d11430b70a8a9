import type { InterfaceState } from '../api/types';
import { formatBitsPerSecond } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';

export interface InterfaceTableProps {
  interfaces: readonly InterfaceState[];
  selected: string | undefined;
  onSelect(name: string): void;
}

/** Every interface: admin and operational status, speed, in and out rates over the last poll interval. */
export function InterfaceTable({ interfaces, selected, onSelect }: InterfaceTableProps) {
  return (
    <table className="interfaces">
      <caption className="visually-hidden">Interfaces with status and rates</caption>
      <thead>
        <tr>
          <th scope="col">Interface</th>
          <th scope="col">Description</th>
          <th scope="col">Admin</th>
          <th scope="col">Status</th>
          <th scope="col">Speed</th>
          <th scope="col">In</th>
          <th scope="col">Out</th>
          <th scope="col">Errors/s</th>
          <th scope="col">
            <span className="visually-hidden">Last hour</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {interfaces.map((entry) => (
          <tr key={entry.name} data-interface={entry.name} className={entry.name === selected ? 'selected' : undefined}>
            <th scope="row">{entry.name}</th>
            <td>{entry.alias || entry.descr}</td>
            <td>
              <StatusBadge status={entry.adminStatus} />
            </td>
            <td>
              <StatusBadge status={entry.operStatus} />
            </td>
            <td>{entry.speedMbps > 0 ? formatBitsPerSecond(entry.speedMbps * 1_000_000) : '—'}</td>
            <td className="rate">{entry.rateGap ? <span title={`no rate: ${entry.rateGap}`}>—</span> : formatBitsPerSecond(entry.rates.inBitsPerSecond)}</td>
            <td className="rate">{entry.rateGap ? <span title={`no rate: ${entry.rateGap}`}>—</span> : formatBitsPerSecond(entry.rates.outBitsPerSecond)}</td>
            <td className="rate">{errorsPerSecond(entry)}</td>
            <td>
              <button type="button" aria-pressed={entry.name === selected} onClick={() => onSelect(entry.name)}>
                <span className="visually-hidden">{entry.name}: </span>Last hour
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function errorsPerSecond(entry: InterfaceState): string {
  const { inErrorsPerSecond, outErrorsPerSecond } = entry.rates;
  if (inErrorsPerSecond === null && outErrorsPerSecond === null) return '—';
  return ((inErrorsPerSecond ?? 0) + (outErrorsPerSecond ?? 0)).toFixed(1);
}
