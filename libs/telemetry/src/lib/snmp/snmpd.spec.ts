import { createSocket, type Socket } from 'node:dgram';
import { startSnmpdAgent, type SnmpdAgent } from '@netkeep/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceSample } from '../device-sample';
import { divide } from '../rates/counter-rate';
import { deviceRates } from '../rates/device-rates';
import { pollDeviceBySnmp } from './snmp-device-poll';
import { SnmpAuthError, SnmpTimeoutError } from './snmp-errors';
import { SnmpSession, withSnmpSession } from './snmp-session';
import type { SnmpSettings } from './snmp-settings';

/** Medium tier: Debian's own snmpd, started by the test on a loopback port with its own configuration. */
describe('SNMP against a real snmpd', () => {
  let agent: SnmpdAgent;
  let v2c: SnmpSettings;
  let v3: SnmpSettings;

  beforeAll(async () => {
    agent = await startSnmpdAgent({ sysName: 'snmpd-under-test' });
    const common = { host: agent.host, port: agent.port, timeoutMs: 1000, retries: 1 };
    v2c = { ...common, version: '2c', community: agent.community };
    v3 = { ...common, version: '3', user: agent.v3.user, authProtocol: 'sha', authKey: agent.v3.authKey, privProtocol: 'aes', privKey: agent.v3.privKey };
  });
  afterAll(() => agent?.stop());

  const loopback = (sample: DeviceSample) => {
    const found = sample.interfaces.find((each) => each.name === 'lo');
    if (!found) throw new Error(`snmpd lists no lo interface: ${sample.interfaces.map((each) => each.name).join(', ')}`);
    return found;
  };

  it('reads sysUpTime, sysName, sysDescr, IF-MIB and HOST-RESOURCES memory over v2c', async () => {
    const sample = await pollDeviceBySnmp(v2c);
    expect(sample).toMatchObject({ source: 'snmp', sysName: 'snmpd-under-test', sysObjectId: '1.3.6.1.4.1.8072.3.2.10' });
    expect(sample.sysDescr).toMatch(/^Linux /);
    expect(sample.sysUpTimeHundredths).toBeGreaterThanOrEqual(0);
    expect(sample.engine?.boots).toBeGreaterThanOrEqual(1);
    expect(loopback(sample)).toMatchObject({ descr: 'lo', adminStatus: 'up', operStatus: 'up', counterBits: 64 });
    expect(typeof loopback(sample).inOctets).toBe('bigint');
    expect(sample.memory?.totalBytes).toBeGreaterThan(0);
    expect(sample.memory?.usedBytes).toBeGreaterThan(0);
  });

  it('reads the same agent over v3 authPriv (SHA/AES)', async () => {
    const [overV2c, overV3] = [await pollDeviceBySnmp(v2c), await pollDeviceBySnmp(v3)];
    expect(overV3.sysName).toBe('snmpd-under-test');
    expect(overV3.interfaces.map((each) => each.name)).toEqual(overV2c.interfaces.map((each) => each.name));
  });

  it('reads only ifTable\'s 32-bit counters when told to', async () => {
    const sample = await pollDeviceBySnmp(v2c, { counters: '32-bit' });
    expect(loopback(sample).counterBits).toBe(32);
    expect(loopback(sample).inOctets).toBeLessThan(2n ** 32n);
  });

  it('computes rates between two polls from sysUpTime and exact counter deltas', async () => {
    // snmpd refreshes interface counters every few seconds: poll until lo has moved (our own polls cross it).
    const first = await pollDeviceBySnmp(v2c);
    let second = first;
    const deadline = Date.now() + 30_000;
    while (loopback(second).inOctets === loopback(first).inOctets || second.sysUpTimeHundredths === first.sysUpTimeHundredths) {
      if (Date.now() > deadline) throw new Error('lo counters did not move within 30 s');
      second = await pollDeviceBySnmp(v2c);
    }
    // lo claims 10 Mb/s; other suites may push more through it than that, so no speed ceiling here.
    const rates = deviceRates(first, second, { speedSlack: 1e9 });
    const seconds = (second.sysUpTimeHundredths - first.sysUpTimeHundredths) / 100;
    expect(rates).toMatchObject({ intervalSeconds: seconds, uptimeWrapped: false });
    const lo = rates.interfaces.find((each) => each.name === 'lo');
    expect(lo?.perSecond.inOctets).toBe(divide(loopback(second).inOctets - loopback(first).inOctets, seconds));
    expect(lo?.inBitsPerSecond).toBeGreaterThan(0);
  });

  it('says "wrong community or agent down" when a v2c community gets no answer', async () => {
    const wrong = { ...v2c, community: 'not-the-community', timeoutMs: 300, retries: 0 };
    const failure = pollDeviceBySnmp(wrong);
    await expect(failure).rejects.toThrow(SnmpTimeoutError);
    await expect(failure).rejects.toThrow(/no answer: wrong community or agent down.*waited 300 ms over 1 attempt/);
  });

  it('reports a wrong v3 authentication key as an authentication error, not a timeout', async () => {
    const failure = pollDeviceBySnmp({ ...v3, authKey: 'not-the-auth-key' });
    await expect(failure).rejects.toThrow(SnmpAuthError);
    await expect(failure).rejects.toThrow(/refused v3 authPriv user "nktest": wrong authentication key or protocol \(the agent reported usmStatsWrongDigests\)/);
  });

  it('reports an unknown v3 user', async () => {
    await expect(pollDeviceBySnmp({ ...v3, user: 'nobody' })).rejects.toThrow(/the agent has no such user \(usmStatsUnknownUserNames\)/);
  });

  it('times out on a wrong v3 privacy key, and says that may be the reason', async () => {
    const failure = pollDeviceBySnmp({ ...v3, privKey: 'not-the-priv-key', timeoutMs: 300, retries: 0 });
    await expect(failure).rejects.toThrow(SnmpTimeoutError);
    await expect(failure).rejects.toThrow(/or a wrong privacy key/);
  });

  it('gets scalars and walks a subtree, closing the session after', async () => {
    let opened: SnmpSession | undefined;
    const [values, walked] = await withSnmpSession(v3, async (session) => {
      opened = session;
      return [await session.get(['1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.99.0']), await session.walk('1.3.6.1.2.1.2.2.1.2')];
    });
    expect(String((values[0]?.value as Buffer | undefined) ?? '')).toBe('snmpd-under-test');
    expect(values[1]).toBeUndefined();
    expect(walked.map((varbind) => String(varbind.value))).toContain('lo');
    await expect(opened?.get(['1.3.6.1.2.1.1.5.0'])).rejects.toThrow();
  });
});

describe('SNMP timeouts', () => {
  let silent: Socket;
  let port: number;

  beforeAll(async () => {
    // An address that takes requests and never answers: what a dead or firewalled agent looks like.
    silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()));
    port = silent.address().port;
  });
  afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

  it('bounds each request by timeoutMs × (retries + 1)', async () => {
    const started = Date.now();
    await expect(pollDeviceBySnmp({ host: '127.0.0.1', port, version: '2c', community: 'c', timeoutMs: 200, retries: 2 })).rejects.toThrow(/waited 600 ms over 3 attempt/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('bounds the whole poll by its deadline', async () => {
    const started = Date.now();
    const failure = pollDeviceBySnmp({ host: '127.0.0.1', port, version: '2c', community: 'c', timeoutMs: 5_000, retries: 3 }, { deadlineMs: 300 });
    await expect(failure).rejects.toThrow(/did not finish within its 300 ms deadline/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
