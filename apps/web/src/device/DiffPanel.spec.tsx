import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderInSession } from '../testing/render-in-session';
import { sectionsDiff, unifiedDiff, versionR1, versionR2 } from '../testing/api-fixtures';
import { DiffPanel } from './DiffPanel';

const DEVICE = versionR1.deviceId;
const ANSWERS = {
  [`GET /api/v1/devices/${DEVICE}/configs?limit=200`]: { count: 2, results: [versionR2, versionR1] },
  [`GET /api/v1/devices/${DEVICE}/configs/diff?from=1&to=2&format=unified`]: unifiedDiff,
  [`GET /api/v1/devices/${DEVICE}/configs/diff?from=1&to=2&format=sections`]: sectionsDiff,
};

describe('DiffPanel', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('compares the latest version with the one before it, side by side, by default', async () => {
    const { requests } = renderInSession(<DiffPanel deviceId={DEVICE} query={new URLSearchParams()} />, ANSWERS);
    expect(await screen.findByRole('table', { name: 'Side-by-side difference between r1 and r2' })).toBeTruthy();
    expect(screen.getByText(/3 lines added, 2 removed/)).toBeTruthy();
    expect(requests).toContain(`GET /api/v1/devices/${DEVICE}/configs/diff?from=1&to=2&format=unified`);
    expect((screen.getByLabelText('From (old)') as HTMLSelectElement).value).toBe('1');
    expect((screen.getByLabelText('To (new)') as HTMLSelectElement).value).toBe('2');
    expect(screen.getByRole('button', { name: 'Side by side' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('asks the API for sections and groups the changes by section when ?view=sections', async () => {
    const { requests } = renderInSession(<DiffPanel deviceId={DEVICE} query={new URLSearchParams('from=1&to=2&view=sections')} />, ANSWERS);
    expect(await screen.findByRole('heading', { name: 'interface GigabitEthernet1/0/2 changed' })).toBeTruthy();
    expect(requests).toContain(`GET /api/v1/devices/${DEVICE}/configs/diff?from=1&to=2&format=sections`);
    expect(screen.getByRole('button', { name: 'By section' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('puts the chosen view and versions in the URL', async () => {
    renderInSession(<DiffPanel deviceId={DEVICE} query={new URLSearchParams()} />, ANSWERS);
    fireEvent.click(await screen.findByRole('button', { name: 'By section' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/devices/${DEVICE}/diff?from=1&to=2&view=sections`));
  });

  it("shows the API's message when the diff cannot be made", async () => {
    renderInSession(<DiffPanel deviceId={DEVICE} query={new URLSearchParams('from=1&to=9')} />, ANSWERS);
    expect((await screen.findByRole('alert')).textContent).toBe(`no stubbed answer for GET /api/v1/devices/${DEVICE}/configs/diff?from=1&to=9&format=unified`);
  });

  it('explains that a diff needs two versions', async () => {
    renderInSession(<DiffPanel deviceId={DEVICE} query={new URLSearchParams()} />, { [`GET /api/v1/devices/${DEVICE}/configs?limit=200`]: { count: 1, results: [versionR1] } });
    expect(await screen.findByText(/one version so far: a diff needs two/)).toBeTruthy();
  });
});
