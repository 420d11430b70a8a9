import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../testing/api-fixtures';
import { SideBySideDiff } from './SideBySideDiff';

describe('SideBySideDiff', () => {
  const renderDiff = () => render(<SideBySideDiff patch={unifiedDiff.patch ?? ''} fromLabel="r1" toLabel="r2" />);

  it('shows the old version on the left and the new on the right, under their names', () => {
    renderDiff();
    const table = screen.getByRole('table', { name: 'Side-by-side difference between r1 and r2' });
    const headers = within(table).getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual(['r1 line', 'r1', 'r2 line', 'r2']);
  });

  it('puts a replaced line beside its replacement, each with its own line number, marked in words', () => {
    renderDiff();
    const row = screen.getByText('description WIFI-AP ap-2f-25', { exact: false }).closest('tr');
    expect(row).not.toBeNull();
    const cells = within(row as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(['121', 'removed:  description WIFI-AP ap-2f-25', '121', 'added:  description WIFI-AP ap-2f-26 (moved)']);
    expect(within(row as HTMLElement).getAllByRole('cell')[1]).toHaveProperty('className', 'removed');
    expect(within(row as HTMLElement).getAllByRole('cell')[3]).toHaveProperty('className', 'added');
  });

  it('leaves the old side empty beside a line that was only added', () => {
    renderDiff();
    const row = screen.getByText('ntp server 10.250.0.99').closest('tr') as HTMLElement;
    const cells = within(row).getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['', '', '598', 'added: ntp server 10.250.0.99']);
    expect(cells[1]?.className).toBe('empty');
  });

  it('shows context lines on both sides and each hunk header across the table', () => {
    renderDiff();
    expect(screen.getAllByText('interface GigabitEthernet1/0/2')).toHaveLength(2);
    expect(screen.getByText('@@ -596,5 +596,6 @@')).toHaveProperty('colSpan', 4);
  });

  it('says so when the versions are the same', () => {
    render(<SideBySideDiff patch="" fromLabel="r1" toLabel="r1" />);
    expect(screen.getByText('The two versions are the same.')).toBeTruthy();
  });
});
