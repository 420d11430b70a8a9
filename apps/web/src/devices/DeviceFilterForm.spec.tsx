import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Site } from '../api/types';
import { DeviceFilterForm } from './DeviceFilterForm';
import { filtersFrom, type DeviceFilters } from './device-filters';

const SITES: Site[] = [{ id: 's1', name: 'dc1', description: null, deviceCount: 12, createdAt: '2026-11-27T05:00:00.000Z', updatedAt: '2026-11-27T05:00:00.000Z' }];

/** The URL's round trip: a change comes back as the page's filters a moment later. */
const ROUND_TRIP_MS = 50;

/** The form as the devices page holds it: its changes become the filters it is given back. */
function Harness({ onChange }: { onChange(filters: DeviceFilters): void }) {
  const [filters, setFilters] = useState(() => filtersFrom(new URLSearchParams('offset=100')));
  return (
    <DeviceFilterForm
      filters={filters}
      sites={SITES}
      onChange={(next) => {
        onChange(next);
        setTimeout(() => setFilters(next), ROUND_TRIP_MS);
      }}
    />
  );
}

describe('DeviceFilterForm', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks for the list once typing pauses, from the first page', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const search = screen.getByLabelText('Search');
    for (const value of ['c', 'co', 'cor', 'core']) fireEvent.change(search, { target: { value } });
    act(() => vi.advanceTimersByTime(299));
    expect(onChange).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]?.[0]).toMatchObject({ q: 'core', offset: 0 });
  });

  it('keeps keystrokes typed while the previous search comes back', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const search = screen.getByLabelText('Search') as HTMLInputElement;
    fireEvent.change(search, { target: { value: 'co' } });
    act(() => vi.advanceTimersByTime(300));
    fireEvent.change(search, { target: { value: 'core' } });
    act(() => vi.advanceTimersByTime(ROUND_TRIP_MS));
    expect(search.value).toBe('core');
    act(() => vi.advanceTimersByTime(300));
    expect(onChange.mock.calls.map((call) => (call[0] as DeviceFilters).q)).toEqual(['co', 'core']);
  });

  it('applies Enter and the choice lists at once', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    fireEvent.change(screen.getByLabelText('Tags'), { target: { value: 'core, edge' } });
    fireEvent.keyDown(screen.getByLabelText('Tags'), { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ tags: 'core, edge', offset: 0 }));
    act(() => vi.advanceTimersByTime(ROUND_TRIP_MS));
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'dc1' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ site: 'dc1', offset: 0 }));
    expect(screen.getByRole('option', { name: 'dc1 (12)' })).toBeTruthy();
  });
});
