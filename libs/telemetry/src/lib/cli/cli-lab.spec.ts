import { DeviceLab, trafficProfile, type LabInterface, type LabInventoryDevice, type LabPlatform } from '@netkeep/device-lab';
import { DeviceSession, type DeviceTarget } from '@netkeep/ssh';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceSample } from '../device-sample';
import { deviceRates } from '../rates/device-rates';
import { pollDeviceBySnmp } from '../snmp/snmp-device-poll';
import { pollDeviceByCli, CliTelemetryUnsupportedError } from './cli-device-poll';

const T = new Date('2026-11-27T03:00:00Z');
const TIMEOUTS = { connectMs: 3_000, authMs: 3_000, promptMs: 2_000, commandIdleMs: 1_500 };
const PLATFORMS: LabPlatform[] = ['cisco_ios', 'arista_eos', 'juniper_junos'];

/** Medium tier: devices without SNMP, read over libs/ssh from the lab, agree with what SNMP says at the same instant. */
describe('CLI polls of the device lab', () => {
  let lab: DeviceLab;
  const sessions: DeviceSession[] = [];

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 4, platforms: [...PLATFORMS, 'cisco_nxos'], addressing: 'ports' });
  });
  beforeEach(() => lab.fleet.clock.set(T));
  afterAll(async () => {
    await Promise.all(sessions.map((session) => session.close()));
    await lab.stop();
  });

  const device = (platform: LabPlatform): LabInventoryDevice => lab.inventory().devices.find((each) => each.platform === platform) as LabInventoryDevice;
  const open = async (platform: LabPlatform): Promise<DeviceSession> => {
    const { name, host, port, username, password, enableSecret } = device(platform);
    const target: DeviceTarget = { name, host, port, platform, username, password, enableSecret };
    const session = await DeviceSession.open(target, { timeouts: TIMEOUTS });
    sessions.push(session);
    return session;
  };
  const links = (platform: LabPlatform): LabInterface[] => {
    const { persona, identity } = lab.fleet.device(device(platform).name);
    return persona.interfaces?.(identity) ?? [];
  };
  const clock = () => lab.fleet.now();
  const snmpPoll = (platform: LabPlatform): Promise<DeviceSample> => {
    const { host, snmp } = device(platform);
    return pollDeviceBySnmp({ host, port: snmp.port, version: '2c', community: snmp.community, timeoutMs: 1000, retries: 1 }, { clock });
  };
  const FIELDS = ['name', 'alias', 'adminStatus', 'operStatus', 'speedMbps', 'inOctets', 'outOctets', 'inErrors', 'outErrors', 'inDiscards', 'outDiscards', 'inPackets', 'outPackets'] as const;
  const comparable = (sample: DeviceSample) =>
    new Map(sample.interfaces.map((each) => [each.descr, Object.fromEntries(FIELDS.map((field) => [field, each[field]]))]));

  it.each(PLATFORMS)('%s: show interfaces gives the same names, states and counters as SNMP at the same instant', async (platform) => {
    const flapped = links(platform).find((link) => link.adminUp) as LabInterface;
    lab.fleet.setInterfaceState(device(platform).name, flapped.name, 'down');
    try {
      const session = await open(platform);
      const [overCli, overSnmp] = [await pollDeviceByCli(session, { clock }), await snmpPoll(platform)];
      expect(overCli).toMatchObject({ source: 'cli', takenAt: T });
      expect(overCli.interfaces).toHaveLength(links(platform).length);
      // The CLI prints every counter 64 bits wide; SNMP's errors and discards are Counter32, the same numbers here.
      expect(comparable(overCli)).toEqual(comparable(overSnmp));
      expect(comparable(overCli).get(flapped.name)).toMatchObject({ adminStatus: 'up', operStatus: 'down' });
    } finally {
      lab.fleet.setInterfaceState(device(platform).name, flapped.name, 'up');
    }
  });

  it('gives the model\'s rates from two CLI polls a minute apart', async () => {
    const session = await open('juniper_junos');
    const first = await pollDeviceByCli(session, { clock });
    lab.fleet.clock.set(new Date(T.getTime() + 60_000));
    const second = await pollDeviceByCli(session, { clock });
    const rates = deviceRates(first, second);
    expect(rates.intervalSeconds).toBe(60);
    for (const link of links('juniper_junos').filter((each) => each.adminUp)) {
      const rate = rates.interfaces.find((each) => each.name === link.name);
      expect(rate?.perSecond.inOctets).toBe(trafficProfile(device('juniper_junos').name, link).inBytesPerSecond);
    }
  });

  it('sees a reboot in the uptime the device prints, and gives no rate for it', async () => {
    const session = await open('cisco_ios');
    const before = await pollDeviceByCli(session, { clock });
    lab.fleet.reboot(device('cisco_ios').name);
    lab.fleet.clock.set(new Date(T.getTime() + 120_000));
    const after = await pollDeviceByCli(session, { clock });
    expect(after.sysUpTimeHundredths).toBeLessThanOrEqual(12_000);
    const rates = deviceRates(before, after);
    expect(rates.gap).toBe('reboot');
    expect(rates.interfaces.every((each) => Object.keys(each.perSecond).length === 0)).toBe(true);
  });

  it('says which platforms it can read when asked for another', async () => {
    const session = await open('cisco_nxos');
    await expect(pollDeviceByCli(session)).rejects.toThrow(CliTelemetryUnsupportedError);
    await expect(pollDeviceByCli(session)).rejects.toThrow(/no CLI interface counters for platform cisco_nxos yet \(supported: cisco_ios, cisco_xe, arista_eos, juniper_junos\)/);
  });
});
