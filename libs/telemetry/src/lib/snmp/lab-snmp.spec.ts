import { DeviceLab, interfaceCounters, trafficProfile, type LabInterface, type LabInventoryDevice } from '@netkeep/device-lab';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceSample } from '../device-sample';
import { deviceRates } from '../rates/device-rates';
import { pollDeviceBySnmp, type SnmpPollOptions } from './snmp-device-poll';
import { SnmpAuthError, SnmpTimeoutError } from './snmp-errors';
import type { SnmpSettings } from './snmp-settings';

const T = new Date('2026-11-27T02:00:00Z');
const TWO_32 = 2n ** 32n;

/** Medium tier: the device lab's SNMP agents, its clock frozen and moved by the tests. */
describe('SNMP polls of the device lab', () => {
  let lab: DeviceLab;
  let ios: LabInventoryDevice;
  let eos: LabInventoryDevice;
  let junos: LabInventoryDevice;

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 3, platforms: ['cisco_ios', 'arista_eos', 'juniper_junos'] });
    [ios, eos, junos] = lab.inventory().devices;
  });
  beforeEach(() => lab.fleet.clock.set(T));
  afterAll(() => lab.stop());

  const at = (seconds: number) => lab.fleet.clock.set(new Date(T.getTime() + seconds * 1000));
  const v2c = (device: LabInventoryDevice): SnmpSettings => ({
    host: device.host, port: device.snmp.port, version: '2c', community: device.snmp.community, timeoutMs: 1000, retries: 1,
  });
  const v3 = (device: LabInventoryDevice): SnmpSettings => ({
    host: device.host, port: device.snmp.port, version: '3', user: device.snmp.v3.user, authProtocol: 'sha',
    authKey: device.snmp.v3.authKey, privProtocol: 'aes', privKey: device.snmp.v3.privKey, timeoutMs: 1000, retries: 1,
  });
  // The poller reads the lab's clock, as a poller on a device's own clock would.
  const poll = (settings: SnmpSettings, options: SnmpPollOptions = {}) => pollDeviceBySnmp(settings, { clock: () => lab.fleet.now(), ...options });

  const links = (device: LabInventoryDevice): LabInterface[] => {
    const { persona, identity } = lab.fleet.device(device.name);
    return persona.interfaces?.(identity) ?? [];
  };
  const model = (device: LabInventoryDevice, link: LabInterface) => {
    const { identity, state } = lab.fleet.device(device.name);
    return interfaceCounters({ device: identity, state, now: lab.fleet.now() }, link);
  };
  const byDescr = (sample: DeviceSample, name: string) => {
    const found = sample.interfaces.find((each) => each.descr === name);
    if (!found) throw new Error(`${sample.sysName} has no interface ${name}`);
    return found;
  };

  it('reads what the lab\'s counter model says, over v2c', async () => {
    const sample = await poll(v2c(ios));
    const { bootedAt } = lab.fleet.device(ios.name).identity;
    expect(sample).toMatchObject({ source: 'snmp', takenAt: T, sysName: ios.name, engine: { boots: 1 } });
    expect(sample.sysUpTimeHundredths).toBe(Number(BigInt((T.getTime() - bootedAt.getTime()) / 10) % TWO_32));
    expect(sample.sysDescr).toMatch(/^Cisco IOS Software/);
    expect(sample.cpuPercent).toBeGreaterThan(0);
    expect(sample.memory?.totalBytes).toBeGreaterThan(sample.memory?.usedBytes ?? Infinity);
    expect(sample.interfaces).toHaveLength(links(ios).length);
    for (const link of links(ios)) {
      const c = model(ios, link);
      expect(byDescr(sample, link.name)).toMatchObject({
        name: link.name.replace(/^GigabitEthernet/, 'Gi').replace(/^TenGigabitEthernet/, 'Te'),
        alias: link.description, speedMbps: link.speedMbps, counterBits: 64,
        adminStatus: link.adminUp ? 'up' : 'down', operStatus: c.operUp ? 'up' : 'down',
        inOctets: c.inOctets, outOctets: c.outOctets, inErrors: BigInt(c.inErrors), inDiscards: BigInt(c.inDrops),
      });
    }
  });

  it('reads the same values over v3 authPriv (SHA/AES), with HOST-RESOURCES CPU and memory on EOS', async () => {
    const [overV2c, overV3] = [await poll(v2c(eos)), await poll(v3(eos))];
    expect(overV3).toEqual(overV2c);
    expect(overV3.cpuPercent).toBeGreaterThan(0);
    expect(overV3.memory?.usedBytes).toBeGreaterThan(0);
  });

  it('moves the lab clock 60 s and gets exactly the model\'s rate on every running interface', async () => {
    const first = await poll(v3(junos));
    at(60);
    const second = await poll(v3(junos));
    const rates = deviceRates(first, second);
    expect(rates).toMatchObject({ intervalSeconds: 60, uptimeWrapped: false });
    for (const link of links(junos).filter((each) => each.adminUp)) {
      const profile = trafficProfile(junos.name, link);
      const rate = rates.interfaces.find((each) => each.name === link.name);
      expect(rate?.perSecond).toMatchObject({ inOctets: profile.inBytesPerSecond, outOctets: profile.outBytesPerSecond });
      expect(rate?.inBitsPerSecond).toBe(profile.inBytesPerSecond * 8);
    }
  });

  it('keeps a 64-bit counter exact above 2^53', async () => {
    // Years after boot, a 100G port has counted past 2^53 bytes, where a float64 can no longer hold every integer.
    lab.fleet.clock.set(new Date('2029-06-01T00:00:00.333Z'));
    const sample = await poll(v2c(junos));
    const big = sample.interfaces.find((each) => each.inOctets > 2n ** 53n && BigInt(Number(each.inOctets)) !== each.inOctets);
    if (!big) throw new Error('no counter past 2^53 on the lab device');
    const link = links(junos).find((each) => each.name === big.name) as LabInterface;
    expect(big.inOctets).toBe(model(junos, link).inOctets);
  });

  it('turns a 32-bit ifInOctets wrap into the right rate', async () => {
    const link = links(ios).find((each) => each.speedMbps === 1000 && trafficProfile(ios.name, each).inBytesPerSecond > 100_000_000);
    if (!link) throw new Error(`no hot 1G port on ${ios.name}`);
    const rate = BigInt(trafficProfile(ios.name, link).inBytesPerSecond);
    // Ten seconds before the 32-bit counter next passes 2^32, then twenty seconds later.
    const secondsToWrap = Number((TWO_32 - (model(ios, link).inOctets % TWO_32)) / rate);
    const before = Math.max(0, secondsToWrap - 10);
    at(before);
    const first = await poll(v2c(ios), { counters: '32-bit' });
    at(before + 20);
    const second = await poll(v2c(ios), { counters: '32-bit' });
    const [old, now] = [byDescr(first, link.name), byDescr(second, link.name)];
    expect(now.counterBits).toBe(32);
    expect(now.inOctets).toBeLessThan(old.inOctets);
    const rates = deviceRates(first, second).interfaces.find((each) => each.name === now.name);
    expect(rates?.perSecond.inOctets).toBe(Number(rate));
  });

  it('gives no rate and no spike across a lab reboot, and rates again on the next poll', async () => {
    const before = await poll(v2c(eos));
    at(10);
    lab.fleet.reboot(eos.name);
    at(40);
    const after = await poll(v2c(eos));
    expect(after.sysUpTimeHundredths).toBe(3_000);
    expect(after.engine?.boots).toBe(before.engine === undefined ? undefined : before.engine.boots + 1);
    for (const pair of [[before, after], [{ ...before, engine: undefined }, { ...after, engine: undefined }]]) {
      const rates = deviceRates(pair[0], pair[1]);
      expect(rates.gap).toBe('reboot');
      expect(rates.interfaces.every((each) => Object.keys(each.perSecond).length === 0 && each.gaps.inOctets === 'reboot')).toBe(true);
    }
    at(100);
    const next = await poll(v2c(eos));
    const link = links(eos).find((each) => each.adminUp) as LabInterface;
    const again = deviceRates(after, next).interfaces.find((each) => each.name === link.name);
    expect(again?.perSecond.inOctets).toBe(trafficProfile(eos.name, link).inBytesPerSecond);
  });

  it('shows a flapped interface oper down with its counters standing still', async () => {
    const link = links(ios).find((each) => each.adminUp) as LabInterface;
    lab.fleet.setInterfaceState(ios.name, link.name, 'down');
    try {
      const first = await poll(v2c(ios));
      at(60);
      const second = await poll(v2c(ios));
      expect(byDescr(second, link.name)).toMatchObject({ adminStatus: 'up', operStatus: 'down' });
      const rates = deviceRates(first, second).interfaces.find((each) => each.name === byDescr(second, link.name).name);
      expect(rates?.perSecond).toMatchObject({ inOctets: 0, outOctets: 0 });
    } finally {
      lab.fleet.setInterfaceState(ios.name, link.name, 'up');
    }
  });

  it('refuses a wrong v3 authentication key with an authentication error', async () => {
    await expect(poll({ ...v3(ios), authKey: 'definitely-wrong' })).rejects.toThrow(SnmpAuthError);
    await expect(poll({ ...v3(ios), authKey: 'definitely-wrong' })).rejects.toThrow(/wrong authentication key/);
  });

  it('gets no answer with a wrong community', async () => {
    await expect(poll({ ...v2c(ios), community: 'public', timeoutMs: 200, retries: 0 })).rejects.toThrow(SnmpTimeoutError);
  });
});
