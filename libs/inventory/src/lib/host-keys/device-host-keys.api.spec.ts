import { DatabaseHostKeyStore } from '@netkeep/core';
import { DeviceLab } from '@netkeep/device-lab';
import { DeviceSession, type DeviceTarget } from '@netkeep/ssh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryTestApp, useInventoryTestApp } from '../testing/inventory-test-app';

const TIMEOUTS = { connectMs: 3_000, authMs: 3_000, promptMs: 2_000, commandIdleMs: 1_500 };

describe.each(['sqlite', 'postgres'] as const)('device host-key API on %s', (kind) => {
  let t: InventoryTestApp;
  let lab: DeviceLab;
  useInventoryTestApp(kind, (app) => (t = app));

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 3, platforms: ['cisco_ios'], addressing: 'ports', port: 0 });
  });
  afterAll(() => lab.stop());

  /** Lab device `index` (one per test: keys outlive the inventory's reset), registered; sessions check keys against the app's store, as backups and polls do. */
  async function labDevice(index: number): Promise<{ id: string; target: DeviceTarget; connect: () => Promise<void> }> {
    const device = lab.inventory().devices[index]!;
    const created = await t.call('POST', '/api/v1/devices', { body: { name: device.name, host: device.host, port: device.port, platform: device.platform } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const target = { ...device, enableSecret: device.enableSecret ?? undefined };
    const hostKeys = t.app.app.get(DatabaseHostKeyStore);
    return { id: created.body.id, target, connect: async () => (await DeviceSession.open(target, { hostKeys, timeouts: TIMEOUTS })).close() };
  }

  it('shows the key recorded at the first session, and the changed key refused after a rotation', async () => {
    const { id, target, connect } = await labDevice(0);
    expect((await t.call('GET', `/api/v1/devices/${id}/host-key`, { as: 'viewer' })).status, 'no session yet').toBe(404);
    await connect();
    const first = await t.call('GET', `/api/v1/devices/${id}/host-key`, { as: 'viewer' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      name: `[${target.host}]:${target.port}`,
      algorithm: 'ssh-ed25519',
      fingerprint: await lab.fleet.hostKeyFingerprint(target.name),
      knownHostsLine: expect.stringMatching(new RegExp(`^\\[${target.host.replace(/\./g, '\\.')}\\]:${target.port} ssh-ed25519 AAAA`)),
      recordedAt: expect.any(String),
      refused: null,
    });

    lab.fleet.rotateHostKey(target.name);
    await expect(connect()).rejects.toMatchObject({ phase: 'host-key' });
    const after = await t.call('GET', `/api/v1/devices/${id}/host-key`);
    expect(after.body).toMatchObject({ fingerprint: first.body.fingerprint, refused: { algorithm: 'ssh-ed25519', fingerprint: await lab.fleet.hostKeyFingerprint(target.name) } });
  });

  it('accepts the refused key only by its fingerprint and only for an admin; then sessions succeed again', async () => {
    const { id, target, connect } = await labDevice(1);
    await connect();
    lab.fleet.rotateHostKey(target.name);
    await expect(connect()).rejects.toMatchObject({ phase: 'host-key' });
    const offered = await lab.fleet.hostKeyFingerprint(target.name);
    const before = (await t.call('GET', `/api/v1/devices/${id}/host-key`)).body;

    expect((await t.call('POST', `/api/v1/devices/${id}/host-key/accept`, { as: 'operator', body: { fingerprint: offered } })).status).toBe(403);
    const malformed = await t.call('POST', `/api/v1/devices/${id}/host-key/accept`, { as: 'admin', body: { fingerprint: 'aa:bb:cc' } });
    expect(malformed.status).toBe(400);
    const wrong = await t.call('POST', `/api/v1/devices/${id}/host-key/accept`, { as: 'admin', body: { fingerprint: before.fingerprint } });
    expect(wrong.status).toBe(409);
    expect(wrong.body.message).toContain(`has fingerprint ${offered}, not ${before.fingerprint}: nothing was accepted`);
    expect((await t.call('GET', `/api/v1/devices/${id}/host-key`)).body, 'rejected requests change nothing').toEqual(before);
    await expect(connect()).rejects.toMatchObject({ phase: 'host-key' });

    const accepted = await t.call('POST', `/api/v1/devices/${id}/host-key/accept`, { as: 'admin', body: { fingerprint: offered } });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ fingerprint: offered, refused: null });
    await connect();
    const again = await t.call('POST', `/api/v1/devices/${id}/host-key/accept`, { as: 'admin', body: { fingerprint: offered } });
    expect(again.status, 'nothing refused since').toBe(409);
  });

  it('forgets a key for an admin: the next session records the key it is offered', async () => {
    const { id, target, connect } = await labDevice(2);
    await connect();
    lab.fleet.rotateHostKey(target.name);
    expect((await t.call('DELETE', `/api/v1/devices/${id}/host-key`, { as: 'operator' })).status).toBe(403);
    expect((await t.call('DELETE', `/api/v1/devices/${id}/host-key`, { as: 'admin' })).status).toBe(204);
    expect((await t.call('DELETE', `/api/v1/devices/${id}/host-key`, { as: 'admin' })).status).toBe(404);
    await connect();
    expect((await t.call('GET', `/api/v1/devices/${id}/host-key`)).body.fingerprint).toBe(await lab.fleet.hostKeyFingerprint(target.name));
  });

  it('answers 404 for an unknown device', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.call('GET', `/api/v1/devices/${unknown}/host-key`)).status).toBe(404);
    expect((await t.call('POST', `/api/v1/devices/${unknown}/host-key/accept`, { as: 'admin', body: { fingerprint: `SHA256:${'A'.repeat(43)}` } })).status).toBe(404);
  });
});
