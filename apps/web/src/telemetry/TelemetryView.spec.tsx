import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { telemetryState, uplinkHistory } from '../testing/api-fixtures';
import { TelemetryView } from './TelemetryView';

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;
const cellsOf = (name: string) => within(rowOf(name)).getAllByRole('cell').map((cell) => cell.textContent);

describe('TelemetryView', () => {
  it('shows each interface with its admin and operational status, speed and in/out rates', () => {
    render(<TelemetryView state={telemetryState} onSelectInterface={() => undefined} />);
    expect(cellsOf('Gi1/0/1')).toEqual(['USERS desk-2f-36', 'up', 'up', '1.00 Gb/s', '4.09 Mb/s', '1.43 Mb/s', '0.0', 'Gi1/0/1: Last hour']);
    expect(cellsOf('Te1/1/1')).toEqual(['UPLINK core-a01 Ethernet2/1', 'up', 'up', '10.0 Gb/s', '48.4 Mb/s', '71.9 Mb/s', '0.5', 'Te1/1/1: Last hour']);
    expect(cellsOf('Gi1/0/8').slice(1, 6)).toEqual(['down', 'down', '1.00 Gb/s', '0 b/s', '0 b/s']);
  });

  it('shows no rate, with the reason on hover, for an interface whose counters were reset', () => {
    render(<TelemetryView state={telemetryState} onSelectInterface={() => undefined} />);
    const cells = within(rowOf('Gi1/0/9')).getAllByRole('cell');
    expect(cells[2]?.textContent).toBe('lowerLayerDown');
    expect(cells[4]?.textContent).toBe('—');
    expect(within(cells[4] as HTMLElement).getByTitle('no rate: counter-reset')).toBeTruthy();
  });

  it('shows uptime, CPU, memory and whether the device answers its polls', () => {
    render(<TelemetryView state={telemetryState} onSelectInterface={() => undefined} />);
    expect(screen.getByTestId('uptime').textContent).toBe('199 d 2 h');
    expect(screen.getByTestId('cpu').textContent).toBe('14 %');
    expect(screen.getByTestId('memory').textContent).toBe('153.5 MiB of 256.0 MiB (60 %)');
    expect(screen.getByText('answering')).toBeTruthy();
    expect(screen.getByText('over SNMP')).toBeTruthy();
    expect(screen.getByText('2 of 4')).toBeTruthy();
  });

  it("draws the selected interface's last hour as in and out lines, broken where a poll has no rate, and says the figures", () => {
    render(<TelemetryView state={telemetryState} history={uplinkHistory} selectedInterface="Te1/1/1" onSelectInterface={() => undefined} />);
    const sparkline = screen.getByRole('img');
    expect(sparkline.getAttribute('aria-label')).toBe('Te1/1/1, last 60 minutes, 4 samples: in now 48.4 Mb/s, peak 52.0 Mb/s; out now 71.9 Mb/s, peak 80.0 Mb/s');
    const paths = [...sparkline.querySelectorAll('path')];
    expect(paths.map((path) => path.dataset['series'])).toEqual(['in', 'out']);
    for (const path of paths) {
      const commands = path.getAttribute('d')?.split(' ') ?? [];
      // Points 1 and 2 joined, a gap at point 3, point 4 alone: a dot.
      expect(commands.map((command) => command[0])).toEqual(['M', 'L', 'M', 'L']);
    }
    expect(screen.getByRole('heading', { name: 'Last hour of Te1/1/1' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Te1/1/1: Last hour' }).getAttribute('aria-pressed')).toBe('true');
  });

  it("asks for another interface's history from its row", () => {
    const select = vi.fn();
    render(<TelemetryView state={telemetryState} history={uplinkHistory} selectedInterface="Te1/1/1" onSelectInterface={select} />);
    fireEvent.click(screen.getByRole('button', { name: 'Gi1/0/1: Last hour' }));
    expect(select).toHaveBeenCalledWith('Gi1/0/1');
  });

  it('explains missing rates and shows the last poll error of a device that stopped answering', () => {
    render(
      <TelemetryView
        state={{
          ...telemetryState,
          rateGap: 'reboot',
          poll: { ...telemetryState.poll, up: false, lastError: { kind: 'timeout', message: 'no SNMP answer from 127.0.0.1:1161 within 2000 ms', at: '2026-11-27T05:22:05.000Z' } },
        }}
        onSelectInterface={() => undefined}
      />,
    );
    expect(screen.getByText('not answering')).toBeTruthy();
    expect(screen.getByText(/Last poll error \(timeout\): no SNMP answer from 127\.0\.0\.1:1161 within 2000 ms/)).toBeTruthy();
    expect(screen.getByText('No rates yet: the device rebooted since the last poll.')).toBeTruthy();
  });
});
