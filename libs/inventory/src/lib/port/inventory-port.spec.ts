import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InventoryTestApp } from '../testing/inventory-test-app';
import { ALL_SECRETS, SECRETS } from '../testing/test-secrets';
import type { InventoryPort } from '@netkeep/contracts';
import { HttpInventoryClient } from './http-inventory.client';
import { InProcessInventoryPort } from './in-process-inventory.port';

/** Both implementations of the port answer the same questions the same way. */
const CASES = [
  ['in-process', 'sqlite'],
  ['in-process', 'postgres'],
  ['http', 'sqlite'],
] as const;

describe.each(CASES)('%s inventory port on %s', (implementation, kind) => {
  let t: InventoryTestApp;
  let port: InventoryPort;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await InventoryTestApp.start(kind);
    port =
      implementation === 'http'
        ? new HttpInventoryClient({ baseUrl: t.app.url, serviceToken: t.app.serviceToken })
        : t.app.app.get(InProcessInventoryPort);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t.reset();
    await t.call('POST', '/api/v1/sites', { body: { name: 'dc1' } });
    const credential = await t.call('POST', '/api/v1/credentials', { as: 'admin', body: { name: 'noc', username: 'netops', password: SECRETS.password } });
    const devices = [
      { name: 'core-01', host: '10.0.0.1', platform: 'ios', site: 'dc1', tags: ['core', 'prod'], credentialId: credential.body.id },
      { name: 'core-02', host: '10.0.0.2', platform: 'cisco_ios', site: 'dc1', tags: ['core'] },
      { name: 'edge-01', host: '10.0.0.9', platform: 'junos', tags: ['prod'] },
      { name: 'edge-02', host: '10.0.0.9', platform: 'junos', enabled: false },
    ];
    for (const device of devices) ids[device.name] = (await t.call('POST', '/api/v1/devices', { body: device })).body.id;
  });

  const names = (devices: { name: string }[]) => devices.map((device) => device.name);

  it('selects enabled devices by the list filters, by name', async () => {
    expect(names(await port.selectDevices({}))).toEqual(['core-01', 'core-02', 'edge-01']);
    expect(names(await port.selectDevices({ enabled: false }))).toEqual(['edge-02']);
    expect(names(await port.selectDevices({ platform: 'cisco.ios.ios', tags: ['core', 'prod'] }))).toEqual(['core-01']);
    expect(names(await port.selectDevices({ site: 'DC1' }))).toEqual(['core-01', 'core-02']);
    expect(names(await port.selectDevices({ names: ['EDGE-01', 'core-02'] }))).toEqual(['core-02', 'edge-01']);
    expect(names(await port.selectDevices({ deviceIds: [ids['edge-01']] }))).toEqual(['edge-01']);
    expect(await port.selectDevices({ deviceIds: [] })).toEqual([]);
    expect(await port.selectDevices({ site: 'atlantis' })).toEqual([]);
    expect(await port.selectDevices({ platform: 'windows95' })).toEqual([]);
  });

  it('reads one device, or undefined', async () => {
    expect(await port.getDevice(ids['core-01'])).toMatchObject({ name: 'core-01', site: 'dc1', tags: ['core', 'prod'] });
    expect(await port.getDevice('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('gives the decrypted connection', async () => {
    expect(await port.connection(ids['core-01'])).toMatchObject({ host: '10.0.0.1', username: 'netops', password: SECRETS.password });
    await expect(port.connection('00000000-0000-4000-8000-000000000000')).rejects.toThrow(/does not exist|404/);
  });

  it('finds a syslog source by its unique address, else by the hostname it names', async () => {
    expect((await port.findBySyslogSource('10.0.0.1'))?.name).toBe('core-01');
    expect(await port.findBySyslogSource('10.0.0.9')).toBeUndefined();
    expect((await port.findBySyslogSource('10.0.0.9', 'EDGE-02'))?.name).toBe('edge-02');
    expect((await port.findBySyslogSource('192.0.2.200', 'core-02'))?.name).toBe('core-02');
    expect(await port.findBySyslogSource('192.0.2.200', 'nobody')).toBeUndefined();
  });

  it('records facts, keeping those not reported', async () => {
    await port.recordFacts(ids['core-01'], { model: 'C9300', serial: 'FOC1', osVersion: '17.9' });
    await port.recordFacts(ids['core-01'], { osVersion: '17.12' });
    expect((await port.getDevice(ids['core-01']))?.facts).toEqual({ model: 'C9300', serial: 'FOC1', osVersion: '17.12', collectedAt: expect.any(String) });
  });

  it('wrote no secret to a log line', () => {
    expect(t.leaks(ALL_SECRETS)).toEqual([]);
  });
});
