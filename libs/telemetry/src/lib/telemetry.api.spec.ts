import type { InterfaceStateView, TelemetryDeviceStateDto } from '@netkeep/contracts';
import { Clock, startTestApp, type TestApp } from '@netkeep/core';
import { DeviceLab, interfaceCounters, trafficProfile, type LabInterface, type LabInventoryDevice } from '@netkeep/device-lab';
import { LabInventoryPort } from '@netkeep/testing';
import Redis from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseExposition, samplesOf, waitFor } from '../testing/spec-helpers';
import { PollQueue } from './polling/poll-queue';
import { pollOffsetMs } from './polling/poll-schedule';
import { TelemetryKeys } from './state/telemetry-keys';
import { createTelemetryDomain } from './telemetry.module';

const T = new Date('2026-11-27T04:00:00Z');
const TWO_53 = 2n ** 53n;

/** The poller reads the lab's clock, as a poller on a device's own clock would: moving it moves time for both. */
class LabTime extends Clock {
  constructor(private readonly lab: () => DeviceLab) {
    super();
  }

  now(): Date {
    return this.lab().fleet.now();
  }
}

/** Medium-to-end tier: the telemetry domain in a real app (SQLite, Redis under its own prefix), polling the device lab over SNMP and SSH. */
describe('telemetry service against the device lab', () => {
  let lab: DeviceLab;
  let app: TestApp;
  let port: LabInventoryPort;
  let redis: Redis;
  let keys: TelemetryKeys;
  let viewer: string;
  let operator: string;
  let ios: LabInventoryDevice;
  let eos: LabInventoryDevice;
  let junos: LabInventoryDevice;
  let cliOnly: LabInventoryDevice;
  let spare: LabInventoryDevice;

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 5, platforms: ['cisco_ios', 'arista_eos', 'juniper_junos'], addressing: 'ports' });
    [ios, eos, junos, cliOnly, spare] = lab.inventory().devices;
    port = new LabInventoryPort([ios, eos, junos], { snmp: (name) => (name === eos.name ? 'v3' : 'v2c') });
    port.add(cliOnly, 'none');
    app = await startTestApp({
      clock: new LabTime(() => lab),
      // An hour between scheduled polls: the specs poll on demand, and the sync runs every second.
      domains: [createTelemetryDomain({ inventory: { useValue: port }, config: { intervalSeconds: 3600, syncSeconds: 1, historySeconds: 60, snmpTimeoutMs: 300, snmpRetries: 0 } })],
    });
    redis = new Redis(app.config.redisUrl);
    keys = new TelemetryKeys(app.config.redisPrefix);
    [viewer, operator] = [await app.tokenFor('viewer'), await app.tokenFor('operator')];
  });
  beforeEach(() => lab.fleet.clock.set(T));
  afterAll(async () => {
    await app?.close();
    if (redis) {
      const leftovers = await redis.keys(`${app.config.redisPrefix}*`);
      if (leftovers.length > 0) await redis.unlink(...leftovers);
      redis.disconnect();
    }
    await lab?.stop();
  });

  const at = (seconds: number) => lab.fleet.clock.set(new Date(T.getTime() + seconds * 1000));
  const id = (device: LabInventoryDevice) => port.idOf(device.name);
  const links = (device: LabInventoryDevice): LabInterface[] => {
    const { persona, identity } = lab.fleet.device(device.name);
    return persona.interfaces?.(identity) ?? [];
  };
  const model = (device: LabInventoryDevice, link: LabInterface) => {
    const { identity, state } = lab.fleet.device(device.name);
    return interfaceCounters({ device: identity, state, now: lab.fleet.now() }, link);
  };
  const state = async (device: LabInventoryDevice): Promise<TelemetryDeviceStateDto> => {
    const response = await app.request<TelemetryDeviceStateDto>('GET', `/api/v1/telemetry/devices/${id(device)}`, { token: viewer });
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Asks for a poll through the API and waits until the worker has recorded it. */
  const poll = async (device: LabInventoryDevice): Promise<TelemetryDeviceStateDto> => {
    const before = (await state(device)).poll.polls;
    const asked = await app.request('POST', `/api/v1/telemetry/devices/${id(device)}/poll`, { token: operator });
    expect(asked.status).toBe(202);
    return waitFor(async () => {
      const now = await state(device);
      return now.poll.polls > before && now;
    }, `a poll of ${device.name}`);
  };
  const metrics = async () => parseExposition((await app.request('GET', '/metrics')).body as string);
  const byDescr = (view: TelemetryDeviceStateDto, descr: string): InterfaceStateView => {
    const found = view.interfaces.find((each) => each.descr === descr);
    if (!found) throw new Error(`${view.name} has no interface ${descr}`);
    return found;
  };

  it('polls through the queue, then gives the model\'s rates over REST and on /metrics a minute later (SNMPv3)', async () => {
    const first = await poll(eos);
    expect(first).toMatchObject({ name: eos.name, rateGap: 'first-sample', poll: { up: true, source: 'snmp', consecutiveFailures: 0, lastError: null } });
    at(60);
    const second = await poll(eos);
    expect(second).toMatchObject({ rateGap: null, rateIntervalSeconds: 60, sysName: eos.name, sampledAt: new Date(T.getTime() + 60_000).toISOString() });
    const uptimeMs = lab.fleet.now().getTime() - lab.fleet.device(eos.name).identity.bootedAt.getTime();
    expect(second.uptimeSeconds).toBe(Number(BigInt(Math.floor(uptimeMs / 10)) % 2n ** 32n) / 100);
    expect(second.cpuPercent).toBeGreaterThan(0);
    expect(second.memory?.usedBytes).toBeGreaterThan(0);
    const exposition = await metrics();
    const running = links(eos).filter((link) => link.adminUp);
    expect(running.length).toBeGreaterThan(0);
    for (const link of running) {
      const profile = trafficProfile(eos.name, link);
      const counters = model(eos, link);
      const view = byDescr(second, link.name);
      expect(view).toMatchObject({ operStatus: 'up', counterBits: 64, rateGap: null, counters: { inOctets: String(counters.inOctets), outOctets: String(counters.outOctets) } });
      expect(view.rates).toMatchObject({ inBitsPerSecond: profile.inBytesPerSecond * 8, outBitsPerSecond: profile.outBytesPerSecond * 8 });
      expect(view.rates.inPacketsPerSecond).toBeGreaterThan(0);
      const labels = { device: eos.name, interface: view.name };
      expect(samplesOf(exposition, 'netkeep_interface_in_octets_total', labels).map((each) => each.text)).toEqual([String(counters.inOctets % TWO_53)]);
      expect(samplesOf(exposition, 'netkeep_interface_in_bits_per_second', labels)[0]?.value).toBe(profile.inBytesPerSecond * 8);
      expect(samplesOf(exposition, 'netkeep_interface_oper_up', labels)[0]?.value).toBe(1);
    }
    const device = { device: eos.name };
    expect(samplesOf(exposition, 'netkeep_device_up', device)[0]?.value).toBe(1);
    expect(samplesOf(exposition, 'netkeep_device_uptime_seconds', device)[0]?.value).toBe(second.uptimeSeconds);
    expect(samplesOf(exposition, 'netkeep_device_memory_total_bytes', device)[0]?.value).toBe(second.memory?.totalBytes);
    expect(samplesOf(exposition, 'netkeep_poll_duration_seconds', device)[0]?.value).toBeGreaterThan(0);
    // Labels are device and interface, and the fixed reason on poll errors: nothing else.
    const labelNames = new Set(exposition.filter((each) => each.name.startsWith('netkeep_interface_') || each.name.startsWith('netkeep_device_') || each.name.startsWith('netkeep_poll_')).flatMap((each) => Object.keys(each.labels)));
    expect([...labelNames].sort()).toEqual(['device', 'interface']);
  });

  it('keeps a 64-bit counter exact in REST past 2^53, and exact modulo 2^53 on /metrics', async () => {
    lab.fleet.clock.set(new Date('2029-06-01T00:00:00.330Z'));
    const view = await poll(junos);
    const big = view.interfaces.find((each) => BigInt(each.counters.inOctets) > TWO_53 && BigInt(Number(each.counters.inOctets)) !== BigInt(each.counters.inOctets));
    if (!big) throw new Error('no counter past 2^53 on the lab device');
    const link = links(junos).find((each) => each.name === big.descr) as LabInterface;
    expect(big.counters.inOctets).toBe(String(model(junos, link).inOctets));
    const [sample] = samplesOf(await metrics(), 'netkeep_interface_in_octets_total', { device: junos.name, interface: big.name });
    expect(sample?.text).toBe(String(model(junos, link).inOctets % TWO_53));
  });

  it('gives no rate and no spike across a reboot, and rates again on the next poll', async () => {
    await poll(ios);
    at(10);
    lab.fleet.reboot(ios.name);
    at(40);
    const after = await poll(ios);
    expect(after).toMatchObject({ rateGap: 'reboot', uptimeSeconds: 30 });
    expect(after.interfaces.every((each) => each.rateGap === 'reboot' && Object.values(each.rates).every((rate) => rate === null))).toBe(true);
    expect(samplesOf(await metrics(), 'netkeep_interface_in_bits_per_second', { device: ios.name })).toEqual([]);
    at(100);
    const again = await poll(ios);
    const link = links(ios).find((each) => each.adminUp) as LabInterface;
    expect(byDescr(again, link.name).rates.inBitsPerSecond).toBe(trafficProfile(ios.name, link).inBytesPerSecond * 8);
  });

  it('shows a flapped link oper down on REST and netkeep_interface_oper_up 0, its rate 0', async () => {
    const link = links(junos).find((each) => each.adminUp) as LabInterface;
    lab.fleet.setInterfaceState(junos.name, link.name, 'down');
    try {
      await poll(junos);
      at(60);
      const view = byDescr(await poll(junos), link.name);
      expect(view).toMatchObject({ adminStatus: 'up', operStatus: 'down', rates: { inBitsPerSecond: 0, outBitsPerSecond: 0 } });
      const exposition = await metrics();
      expect(samplesOf(exposition, 'netkeep_interface_oper_up', { device: junos.name, interface: view.name })[0]?.value).toBe(0);
      expect(samplesOf(exposition, 'netkeep_interface_admin_up', { device: junos.name, interface: view.name })[0]?.value).toBe(1);
    } finally {
      lab.fleet.setInterfaceState(junos.name, link.name, 'up');
    }
  });

  it('polls a device without SNMP over the CLI (libs/ssh), with the model\'s rates', async () => {
    const first = await poll(cliOnly);
    expect(first.poll).toMatchObject({ up: true, source: 'cli' });
    at(60);
    const second = await poll(cliOnly);
    expect(second.rateIntervalSeconds).toBe(60);
    for (const link of links(cliOnly).filter((each) => each.adminUp)) {
      const view = byDescr(second, link.name);
      expect(view.counters.inOctets).toBe(String(model(cliOnly, link).inOctets));
      expect(view.rates.inBitsPerSecond).toBe(trafficProfile(cliOnly.name, link).inBytesPerSecond * 8);
    }
  });

  it('reports a silent agent as a timeout on REST and /metrics, and recovers', async () => {
    lab.fleet.setSnmpBehaviour(ios.name, { silent: true });
    try {
      const failed = await poll(ios);
      expect(failed.poll).toMatchObject({ up: false, consecutiveFailures: 1, lastError: { kind: 'timeout', message: expect.stringMatching(/no answer: wrong community or agent down/) } });
      const exposition = await metrics();
      expect(samplesOf(exposition, 'netkeep_device_up', { device: ios.name })[0]?.value).toBe(0);
      expect(samplesOf(exposition, 'netkeep_poll_errors_total', { device: ios.name, reason: 'timeout' })[0]?.value).toBeGreaterThanOrEqual(1);
      // No stale counters while the device does not answer.
      expect(samplesOf(exposition, 'netkeep_interface_in_octets_total', { device: ios.name })).toEqual([]);
      const list = await app.request('GET', '/api/v1/telemetry/devices', { token: viewer });
      expect(list.body.results.find((each: { id: string }) => each.id === id(ios))).toMatchObject({ name: ios.name, poll: { up: false, lastError: { kind: 'timeout' } } });
    } finally {
      lab.fleet.setSnmpBehaviour(ios.name, { silent: false });
    }
    const recovered = await poll(ios);
    expect(recovered.poll).toMatchObject({ up: true, consecutiveFailures: 0, lastError: { kind: 'timeout' } });
  });

  it('keeps an hour of history per interface at poll resolution, bounded, oldest first', async () => {
    // Scheduled polls off: they would run on the real clock between the steps of the frozen lab clock.
    const settings = await app.request('PUT', `/api/v1/telemetry/devices/${id(junos)}/settings`, { token: operator, body: { intervalSeconds: 10, enabled: false } });
    expect(settings).toMatchObject({ status: 200, body: { intervalSeconds: 10, defaultInterval: false, enabled: false, source: 'auto' } });
    const link = links(junos).find((each) => each.adminUp) as LabInterface;
    const ifName = link.name;
    for (let step = 0; step <= 12; step++) {
      at(1000 + step * 10);
      await poll(junos);
    }
    // The window is 60 s (configured), so at 10 s intervals 7 points: 1120 back to 1060.
    const history = await app.request('GET', `/api/v1/telemetry/devices/${id(junos)}/interfaces/${encodeURIComponent(ifName)}/history`, { token: viewer });
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ device: junos.name, interface: ifName, windowSeconds: 60 });
    expect(history.body.points.map((point: { at: string }) => (Date.parse(point.at) - T.getTime()) / 1000)).toEqual([1060, 1070, 1080, 1090, 1100, 1110, 1120]);
    expect(history.body.points[6]).toMatchObject({ operStatus: 'up', inBitsPerSecond: trafficProfile(junos.name, link).inBytesPerSecond * 8 });
    expect(await redis.llen(keys.history(id(junos)))).toBe(7);
    expect(await redis.ttl(keys.history(id(junos)))).toBeLessThanOrEqual(60 + 2 * 10);
    const missing = await app.request('GET', `/api/v1/telemetry/devices/${id(junos)}/interfaces/nope0/history`, { token: viewer });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/has no interface "nope0" in its telemetry; it has /);
    const restored = await app.request('PUT', `/api/v1/telemetry/devices/${id(junos)}/settings`, { token: operator, body: { intervalSeconds: null, enabled: true } });
    expect(restored.body).toMatchObject({ enabled: true, defaultInterval: true });
  });

  it('validates settings, needs operator to change them, and 404s an unknown device', async () => {
    const bad = await app.request('PUT', `/api/v1/telemetry/devices/${id(ios)}/settings`, { token: operator, body: { intervalSeconds: 0, source: 'carrier-pigeon', colour: 'blue' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/intervalSeconds must not be less than 1/);
    expect(JSON.stringify(bad.body)).toMatch(/source must be one of auto, snmp, cli/);
    expect((await app.request('PUT', `/api/v1/telemetry/devices/${id(ios)}/settings`, { token: viewer, body: {} })).status).toBe(403);
    expect((await app.request('POST', `/api/v1/telemetry/devices/${id(ios)}/poll`, { token: viewer })).status).toBe(403);
    expect((await app.request('GET', '/api/v1/telemetry/devices')).status).toBe(401);
    const unknown = await app.request('GET', '/api/v1/telemetry/devices/00000000-0000-4000-8000-000000000000', { token: viewer });
    expect(unknown).toMatchObject({ status: 404, body: { message: expect.stringMatching(/does not exist in the inventory/) } });
  });

  it('reconciles schedules with the inventory: a device added gets one, a device removed or switched off loses it', async () => {
    const queue = app.app.get(PollQueue);
    const schedule = async (deviceId: string) => (await queue.schedules()).get(deviceId);
    const everyDevice = await waitFor(async () => (await queue.schedules()).size === 4 && queue.schedules(), 'the start-up sync');
    expect(everyDevice.get(id(ios))).toMatchObject({ everyMs: 3_600_000, offsetMs: pollOffsetMs(id(ios), 3_600_000), source: 'auto' });

    port.add(spare);
    const added = await waitFor(() => schedule(id(spare)), `a schedule for ${spare.name}`);
    expect(added.nextMs).toBeGreaterThan(Date.now());
    expect(await redis.hexists(keys.devices, id(spare))).toBe(1);
    port.remove(spare.name);
    await waitFor(async () => !(await schedule(id(spare))), `${spare.name}'s schedule to go`);
    await waitFor(async () => !(await redis.hexists(keys.devices, id(spare))), `${spare.name} to leave /metrics`);

    const off = await app.request('PUT', `/api/v1/telemetry/devices/${id(eos)}/settings`, { token: operator, body: { enabled: false } });
    expect(off.body).toMatchObject({ enabled: false });
    expect(await schedule(id(eos))).toBeUndefined();
    const listed = await app.request('GET', '/api/v1/telemetry/devices', { token: viewer });
    expect(listed.body.results.find((each: { id: string }) => each.id === id(eos))).toMatchObject({ settings: { enabled: false }, nextPollAt: null });
    await app.request('PUT', `/api/v1/telemetry/devices/${id(eos)}/settings`, { token: operator, body: { source: 'snmp', intervalSeconds: 120 } });
    expect(await schedule(id(eos))).toMatchObject({ everyMs: 120_000, source: 'snmp' });
  });
});
