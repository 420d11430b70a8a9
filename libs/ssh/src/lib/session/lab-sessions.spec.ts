import { DeviceLab, LAB_PLATFORMS, type LabFault } from '@netkeep/device-lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceTarget } from '../device-target';
import { MemoryHostKeyStore } from '../host-keys/host-key-store';
import { runOnDevices } from '../runner/fleet-runner';
import { SECRET_MARKER } from '../config-cleaner';
import { DeviceSession } from './device-session';
import type { PhaseTimeouts } from './session-timeouts';

/** Every platform of the device lab, over real SSH: what a backup of each must produce. */

const TIMEOUTS: Partial<PhaseTimeouts> = { connectMs: 3_000, authMs: 3_000, promptMs: 2_000, commandIdleMs: 1_500 };
let lab: DeviceLab;

beforeAll(async () => {
  lab = await DeviceLab.start({ devices: LAB_PLATFORMS.length, addressing: 'ports', port: 0 });
});
afterAll(() => lab.stop());

function targetOf(name: string): DeviceTarget {
  const device = lab.inventory().devices.find((candidate) => candidate.name === name)!;
  return { ...device, enableSecret: device.enableSecret ?? undefined };
}

/** The lab's configuration as a backup must store it: without the lines that change by themselves. */
function expectedConfig(name: string): string {
  const rendered = lab.fleet.renderedConfig(name);
  const volatile = new Set(rendered.volatileLines);
  const lines = rendered.text.split('\n').filter((line) => !volatile.has(line));
  return lines.map((line) => line.trimEnd()).join('\n').trim() + '\n';
}

describe.each(LAB_PLATFORMS.map((platform) => [platform]))('%s against the lab', (platform) => {
  const name = () => lab.fleet.list().find((device) => device.identity.platform === platform)!.identity.name;

  it('fetches the configuration minus the volatile lines, and masks every secret by default', async () => {
    const session = await DeviceSession.open(targetOf(name()), { timeouts: TIMEOUTS });
    const unmasked = await session.getConfig({ maskSecrets: false });
    const masked = await session.getConfig();
    await session.close();

    expect(unmasked).toBe(expectedConfig(name()));
    const { secrets } = lab.fleet.renderedConfig(name());
    expect(secrets.filter((secret) => masked.includes(secret))).toEqual([]);
    // The linux commands read no secret-bearing file (never /etc/shadow); every network OS prints some.
    if (platform !== 'linux') {
      expect(secrets.length).toBeGreaterThan(0);
      expect(masked).toContain(SECRET_MARKER);
      expect(unmasked).toContain(secrets[0]);
    }
  });

  it('parses the facts the device reports', async () => {
    const session = await DeviceSession.open(targetOf(name()), { timeouts: TIMEOUTS });
    const facts = await session.getFacts();
    await session.close();
    const truth = lab.fleet.device(name()).persona.facts(lab.fleet.device(name()).identity, lab.fleet.now());
    expect(facts).toMatchObject({ vendor: expect.any(String), serial: truth.serial, osVersion: expect.stringContaining(truth.osVersion.split(' ')[0]) });
    expect(facts.model?.toLowerCase()).toContain(truth.model.toLowerCase().split(' ')[0].slice(0, 4));
    // Devices print uptime to the minute at best.
    expect(Math.abs((facts.uptimeSeconds ?? 0) - truth.uptimeSeconds)).toBeLessThan(120);
  });
});

describe('sessions against faulty lab devices', () => {
  const FAULTS: readonly LabFault[] = [
    'auth-fail',
    'hang-mid-output',
    'disconnect-mid-output',
    'slow-trickle',
    'prompt-never-matches',
    'banner-prompt-text',
    'legacy-cbc',
    'legacy-dh',
    'keyboard-interactive-only',
    'change-password-prompt',
    'press-any-key',
  ];
  let faultLab: DeviceLab;
  beforeAll(async () => {
    // Two healthy devices per fault, on platforms the faults rotate through.
    faultLab = await DeviceLab.start({ devices: FAULTS.length * 3, addressing: 'ports', port: 0, platforms: ['cisco_ios', 'juniper_junos', 'arista_eos'] });
    faultLab.fleet.list().slice(0, FAULTS.length).forEach((device, index) => faultLab.fleet.setFaults(device.identity.name, [FAULTS[index]]));
  });
  afterAll(() => faultLab.stop());

  it('ends each fault in its typed error within its timeout, while healthy devices at the same time succeed', async () => {
    const before = socketAndTimerCount();
    const targets = faultLab.inventory().devices.map((device) => ({ ...device, enableSecret: device.enableSecret ?? undefined }));
    const results = await runOnDevices(targets, (session) => session.getConfig(), { concurrency: targets.length, session: { timeouts: TIMEOUTS } });

    const outcome = Object.fromEntries(
      results.map((result, index) => [faultLab.fleet.device(result.device).faults[0] ?? `healthy-${index}`, result.ok ? 'ok' : result.error.phase]),
    );
    expect(outcome).toMatchObject({
      'auth-fail': 'auth',
      'hang-mid-output': 'command',
      'disconnect-mid-output': 'closed',
      'slow-trickle': 'ok',
      'prompt-never-matches': 'prompt',
      'banner-prompt-text': 'ok',
      'legacy-cbc': 'ok',
      'legacy-dh': 'ok',
      'keyboard-interactive-only': 'ok',
      'change-password-prompt': 'ok',
      'press-any-key': 'ok',
    });
    const healthy = results.filter((result) => faultLab.fleet.device(result.device).faults.length === 0);
    expect(healthy.every((result) => result.ok)).toBe(true);

    const durationOf = (fault: LabFault) => results.find((result) => faultLab.fleet.device(result.device).faults[0] === fault)!.durationMs;
    expect(durationOf('hang-mid-output')).toBeLessThan(TIMEOUTS.commandIdleMs! + 1_000);
    expect(durationOf('prompt-never-matches')).toBeLessThan(TIMEOUTS.promptMs! + 1_000);

    // Everything the sessions opened is released: sockets, timers, and the lab's sessions.
    await waitFor(() => faultLab.fleet.openSessions() === 0);
    await waitFor(() => socketAndTimerCount() <= before);
  });

  it('reports the crypto profile each legacy device needed', async () => {
    const byFault = (fault: LabFault) => faultLab.inventory().devices.find((device) => device.faults.includes(fault))!;
    for (const [fault, profile] of [['legacy-cbc', 'legacy-cbc'], ['legacy-dh', 'legacy-dh']] as const) {
      const session = await DeviceSession.open({ ...byFault(fault), enableSecret: byFault(fault).enableSecret ?? undefined }, { timeouts: TIMEOUTS });
      expect(session.cryptoProfile).toBe(profile);
      await session.close();
    }
  });

  it('refuses a pinned modern profile to a device that speaks only legacy crypto, naming key exchange', async () => {
    const device = faultLab.inventory().devices.find((candidate) => candidate.faults.includes('legacy-dh'))!;
    const error = await DeviceSession.open({ ...device, enableSecret: device.enableSecret ?? undefined, cryptoProfile: 'modern' }, { timeouts: TIMEOUTS }).catch((e: unknown) => e);
    expect(error).toMatchObject({ phase: 'connect', device: device.name });
    expect((error as Error).message).toMatch(/no matching|crypto profile/);
  });
});

describe('host keys', () => {
  it('records a key on first use, refuses a changed key, and accepts it when told to', async () => {
    const device = lab.inventory().devices[0];
    const target = { ...device, enableSecret: device.enableSecret ?? undefined };
    const hostKeys = new MemoryHostKeyStore();
    await (await DeviceSession.open(target, { hostKeys, timeouts: TIMEOUTS })).close();
    await (await DeviceSession.open(target, { hostKeys, timeouts: TIMEOUTS })).close();

    lab.fleet.rotateHostKey(device.name);
    const error = await DeviceSession.open(target, { hostKeys, timeouts: TIMEOUTS }).catch((e: unknown) => e);
    expect(error).toMatchObject({ phase: 'host-key', device: device.name });
    expect((error as Error).message).toMatch(/host key changed/);

    await (await DeviceSession.open(target, { hostKeys, acceptChangedHostKey: true, timeouts: TIMEOUTS })).close();
    await (await DeviceSession.open(target, { hostKeys, timeouts: TIMEOUTS })).close();
  });
});

function socketAndTimerCount(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap' || kind === 'Timeout').length;
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
