import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as snmp from 'net-snmp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceLab } from '../device-lab';
import type { LabInventoryDevice } from '../lab-inventory';
import { interfaceCounters } from '../personas/interface-counters';

const run = promisify(execFile);
const NOW = new Date('2026-06-01T12:00:00Z');
const TWO_32 = 2n ** 32n;

/** Net-SNMP's own command-line tools, with no MIBs and every file they write in `dir`. */
async function netSnmp(dir: string, tool: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const env = { PATH: process.env['PATH'] ?? '', MIBS: '', MIBDIRS: join(dir, 'no-mibs'), SNMPCONFPATH: dir, SNMP_PERSISTENT_DIR: dir };
  try {
    return await run(tool, ['-On', '-t', '1', '-r', '0', ...args], { env });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { stdout, stderr };
  }
}

function v2c(device: LabInventoryDevice, community = device.snmp.community): snmp.Session {
  return snmp.createSession(device.host, community, { port: device.snmp.port, version: snmp.Version2c, timeout: 500, retries: 0 });
}

function get(session: snmp.Session, oids: string[]): Promise<snmp.Varbind[]> {
  return new Promise((resolve, reject) => {
    session.get(oids, (error, varbinds) => (error ? reject(error) : resolve(varbinds ?? [])));
  });
}

describe('lab SNMP agents', () => {
  let lab: DeviceLab;
  let dir: string;
  let ios: LabInventoryDevice;
  let eos: LabInventoryDevice;
  const sessions: snmp.Session[] = [];
  const session = (device: LabInventoryDevice, community?: string) => {
    const opened = v2c(device, community);
    sessions.push(opened);
    return opened;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-lab-snmp-'));
    lab = await DeviceLab.start({ devices: 9 });
    lab.fleet.clock.set(NOW);
    [ios, , , , eos] = lab.inventory().devices;
  });
  afterAll(async () => {
    sessions.forEach((opened) => opened.close());
    await lab.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the system group in the persona\'s words, with sysUpTime from boot in 32-bit TimeTicks', async () => {
    const [descr, objectId, upTime, name] = await get(session(ios), ['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.2.0', '1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.1.5.0']);
    const bootedAt = lab.fleet.device(ios.name).identity.bootedAt;
    expect(String(descr.value)).toMatch(/^Cisco IOS Software, C3750E Software .*Version 15\.2\(4\)E10/);
    expect(objectId.value).toMatch(/^1\.3\.6\.1\.4\.1\.9\.1\./);
    expect(upTime.value).toBe(Number(BigInt(Math.floor((NOW.getTime() - bootedAt.getTime()) / 10)) % TWO_32));
    expect(String(name.value)).toBe(ios.name);
  });

  it('serves every platform, each with its interfaces', async () => {
    for (const device of lab.inventory().devices) {
      const [name, count] = await get(session(device), ['1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.2.1.0']);
      const { persona, identity } = lab.fleet.device(device.name);
      expect(String(name.value)).toBe(device.name);
      expect(count.value).toBe(persona.interfaces?.(identity).length);
    }
  });

  it('answers to the community the device\'s own configuration prints', () => {
    for (const device of lab.inventory().devices.filter((each) => !['linux', 'huawei_vrp', 'mikrotik_routeros'].includes(each.platform))) {
      expect(lab.fleet.renderedConfig(device.name).text).toContain(device.snmp.community);
    }
  });

  it('gives the counters of the lab\'s one counter model: 64-bit exact, 32-bit wrapped at 2^32', async () => {
    const { persona, identity, state } = lab.fleet.device(ios.name);
    const links = persona.interfaces?.(identity) ?? [];
    const model = links.map((link) => interfaceCounters({ device: identity, state, now: NOW }, link));
    const hc = await get(session(ios), links.map((_link, i) => `1.3.6.1.2.1.31.1.1.1.6.${10101 + i}`));
    const low = await get(session(ios), links.map((_link, i) => `1.3.6.1.2.1.2.2.1.10.${10101 + i}`));
    expect(hc.map((varbind) => BigInt(`0x${(varbind.value as Buffer).toString('hex')}`))).toEqual(model.map((c) => c.inOctets));
    expect(low.map((varbind) => BigInt(varbind.value as number))).toEqual(model.map((c) => c.inOctets % TWO_32));
  });

  it('is walked by Net-SNMP\'s snmpbulkwalk over v3 authPriv (SHA/AES)', async () => {
    const { v3 } = eos.snmp;
    const { stdout } = await netSnmp(dir, 'snmpbulkwalk', [
      '-v3', '-l', 'authPriv', '-u', v3.user, '-a', 'SHA', '-A', v3.authKey, '-x', 'AES', '-X', v3.privKey, '-Cr25',
      `${eos.host}:${eos.snmp.port}`, '1.3.6.1.2.1.31.1.1.1.1',
    ]);
    const { persona, identity } = lab.fleet.device(eos.name);
    const names = [...stdout.matchAll(/= STRING: "([^"]*)"/g)].map((match) => match[1]);
    expect(names).toEqual(persona.interfaces?.(identity).map((link) => link.name));
  });

  it('reports a wrong v3 authentication key as Net-SNMP\'s agent does (usmStatsWrongDigests)', async () => {
    const { v3 } = ios.snmp;
    const { stderr } = await netSnmp(dir, 'snmpget', [
      '-v3', '-l', 'authPriv', '-u', v3.user, '-a', 'SHA', '-A', 'not-the-key', '-x', 'AES', '-X', v3.privKey,
      `${ios.host}:${ios.snmp.port}`, '1.3.6.1.2.1.1.5.0',
    ]);
    expect(stderr).toContain('Authentication failure (incorrect password, community or key)');
  });

  it('does not answer a wrong community, like a real agent', async () => {
    await expect(get(session(ios, 'public'), ['1.3.6.1.2.1.1.5.0'])).rejects.toMatchObject({ name: 'RequestTimedOutError' });
  });

  it('ends a walk at the end of its MIB view', async () => {
    const varbinds = await new Promise<snmp.Varbind[]>((resolve, reject) => {
      session(ios).getNext(['1.3.6.1.6.3.10.2.1.4.0'], (error, answer) => (error ? reject(error) : resolve(answer ?? [])));
    });
    expect(varbinds[0].type).toBe(snmp.ObjectType.EndOfMibView);
  });

  it('takes a link down and up through the control endpoint: oper status follows, counters pause', async () => {
    const name = 'GigabitEthernet1/0/3';
    const post = (path: string, body: unknown) =>
      fetch(`${lab.controlUrl}${path}`, { method: 'POST', body: JSON.stringify(body) }).then(async (response) => ({ status: response.status, body: await response.json() }));
    const state = `/devices/${ios.name}/interfaces/${encodeURIComponent(name)}/state`;
    const oids = ['1.3.6.1.2.1.2.2.1.8.10103', '1.3.6.1.2.1.31.1.1.1.6.10103'];
    expect(await post(state, { state: 'down' })).toMatchObject({ status: 200, body: { name, adminUp: true, operUp: false } });
    const listed = (await (await fetch(`${lab.controlUrl}/devices/${ios.name}/interfaces`)).json()) as { name: string; operUp: boolean }[];
    expect(listed.find((each) => each.name === name)).toMatchObject({ operUp: false, changedAt: NOW.toISOString() });
    const [downStatus, downOctets] = await get(session(ios), oids);
    lab.fleet.clock.set(new Date(NOW.getTime() + 60_000));
    const [, stillOctets] = await get(session(ios), oids);
    expect(downStatus.value).toBe(2);
    expect(stillOctets.value).toEqual(downOctets.value);
    expect(await post(state, { state: 'up' })).toMatchObject({ status: 200, body: { operUp: true } });
    lab.fleet.clock.set(new Date(NOW.getTime() + 120_000));
    const [upStatus, movingOctets] = await get(session(ios), oids);
    expect(upStatus.value).toBe(1);
    expect(Buffer.compare(movingOctets.value as Buffer, downOctets.value as Buffer)).toBeGreaterThan(0);
    expect(await post(state, { state: 'sideways' })).toMatchObject({ status: 400, body: { error: '"state" must be "up" or "down"' } });
    expect((await post(`/devices/${ios.name}/interfaces/Gi9%2F9%2F9/state`, { state: 'down' })).status).toBe(400);
    const shut = listed.find((each) => !each.operUp && each.name !== name) as { name: string };
    expect(await post(`/devices/${ios.name}/interfaces/${encodeURIComponent(shut.name)}/state`, { state: 'up' })).toMatchObject({
      status: 400, body: { error: `${shut.name} on ${ios.name} is shut in the configuration; only enabled interfaces flap` },
    });
    lab.fleet.clock.set(NOW);
  });

  it('goes silent and slow with the SNMP knob, through the fleet and the control endpoint', async () => {
    const knob = (body: unknown) =>
      fetch(`${lab.controlUrl}/devices/${ios.name}/snmp`, { method: 'PUT', body: JSON.stringify(body) }).then(async (response) => ({ status: response.status, body: await response.json() }));
    const sysName = ['1.3.6.1.2.1.1.5.0'];
    try {
      expect(await knob({ silent: true })).toEqual({ status: 200, body: { name: ios.name, silent: true, delayMs: 0 } });
      await expect(get(session(ios), sysName)).rejects.toMatchObject({ name: 'RequestTimedOutError' });
      lab.fleet.setSnmpBehaviour(ios.name, { silent: false, delayMs: 200 });
      const started = Date.now();
      const [late] = await get(session(ios), sysName);
      expect(String(late.value)).toBe(ios.name);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(await knob({ delayMs: -1 })).toMatchObject({ status: 400, body: { error: '"delayMs" must be a whole number of milliseconds from 0 to 60000' } });
      expect(() => lab.fleet.setSnmpBehaviour(ios.name, { delayMs: 1.5 })).toThrow(/not a whole number/);
    } finally {
      expect(await knob({ silent: false, delayMs: 0 })).toMatchObject({ status: 200, body: { silent: false, delayMs: 0 } });
    }
    const [name] = await get(session(ios), sysName);
    expect(String(name.value)).toBe(ios.name);
  });

  it('reboots through the control endpoint: uptime and counters restart, snmpEngineBoots goes up', async () => {
    const reboot = await fetch(`${lab.controlUrl}/devices/${eos.name}/reboot`, { method: 'POST' });
    expect(await reboot.json()).toEqual({ name: eos.name, bootedAt: NOW.toISOString(), engineBoots: 2 });
    lab.fleet.clock.set(new Date(NOW.getTime() + 30_000));
    const [upTime, boots, octets] = await get(session(eos), ['1.3.6.1.2.1.1.3.0', '1.3.6.1.6.3.10.2.1.2.0', '1.3.6.1.2.1.31.1.1.1.6.1']);
    expect(upTime.value).toBe(3000);
    expect(boots.value).toBe(2);
    const { persona, identity, state } = lab.fleet.device(eos.name);
    const [first] = persona.interfaces?.(identity) ?? [];
    expect(BigInt(`0x${(octets.value as Buffer).toString('hex')}`)).toBe(interfaceCounters({ device: identity, state, now: lab.fleet.now() }, first).inOctets);
    lab.fleet.clock.set(NOW);
  });
});
