import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DeviceHostKey } from '../api/types';
import { renderInSession } from '../testing/render-in-session';
import { HostKeyCard } from './HostKeyCard';

const DEVICE = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
const TRUSTED = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';
const OFFERED = 'SHA256:Zr9wbQkH8bVd3pW0J1xq2c7mUo4yLtN6sAeGfRkPvDE';
const PATH = `/api/v1/devices/${DEVICE}/host-key`;

const hostKey = (refused: DeviceHostKey['refused']): DeviceHostKey => ({
  name: '[192.0.2.10]:2222',
  algorithm: 'ssh-ed25519',
  fingerprint: TRUSTED,
  knownHostsLine: '[192.0.2.10]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI',
  recordedAt: '2026-11-20T08:00:00.000Z',
  refused,
});
const refused = hostKey({ algorithm: 'ssh-ed25519', fingerprint: OFFERED, offeredAt: '2026-11-27T06:00:00.000Z' });

describe('HostKeyCard', () => {
  it('shows the trusted key, and says when none is recorded yet', async () => {
    renderInSession(<HostKeyCard deviceId={DEVICE} refreshKey={0} />, { [`GET ${PATH}`]: hostKey(null) });
    expect(await screen.findByText(TRUSTED)).toBeTruthy();
    expect(screen.queryByText('Refused')).toBeNull();

    renderInSession(<HostKeyCard deviceId="unknown" refreshKey={0} />, {});
    expect(await screen.findByText(/Not recorded yet/)).toBeTruthy();
  });

  it('shows a refused key to a viewer without a way to accept it', async () => {
    renderInSession(<HostKeyCard deviceId={DEVICE} refreshKey={0} />, { [`GET ${PATH}`]: refused }, 'operator');
    expect(await screen.findByText(OFFERED)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Trust the new key' })).toBeNull();
  });

  it('lets an admin accept the refused key by its fingerprint, only after saying it was compared on the device', async () => {
    const { requests } = renderInSession(
      <HostKeyCard deviceId={DEVICE} refreshKey={0} />,
      { [`GET ${PATH}`]: refused, [`POST ${PATH}/accept`]: hostKey(null) },
      'admin',
    );
    const trust = (await screen.findByRole('button', { name: 'Trust the new key' })) as HTMLButtonElement;
    expect(trust.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /I compared this fingerprint/ }));
    expect(trust.disabled).toBe(false);
    fireEvent.click(trust);
    await waitFor(() => expect(requests).toContain(`POST ${PATH}/accept`));
    await waitFor(() => expect(requests.filter((request) => request === `GET ${PATH}`)).toHaveLength(2));
  });
});
