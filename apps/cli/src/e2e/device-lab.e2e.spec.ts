import { startOpenSshServer, type OpenSshServer } from '@netkeep/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabInventoryDevice } from '@netkeep/device-lab';
import { startLabProcess, type LabProcess } from '@netkeep/testing';
import { runNetkeep, runNetkeepInTerminal } from './netkeep-process';

describe('netkeep against the device lab', () => {
  let lab: LabProcess;
  let workDir: string;
  let healthy: LabInventoryDevice;
  let refusing: LabInventoryDevice;

  beforeAll(async () => {
    lab = await startLabProcess(['--devices', '2', '--port', '0', '--platforms', 'cisco_ios', '--faults', 'auth-fail:1']);
    workDir = await mkdtemp(join(tmpdir(), 'netkeep-cli-e2e-'));
    const found = lab.devices.find((device) => device.platform === 'cisco_ios' && device.faults.length === 0);
    const authFail = lab.devices.find((device) => device.faults.includes('auth-fail'));
    if (!found || !authFail) throw new Error(`lab inventory lacks a healthy cisco_ios or an auth-fail device:\n${lab.output()}`);
    [healthy, refusing] = [found, authFail];
  });

  afterAll(async () => {
    await lab?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  /** Connection flags and secrets for one lab device, the way an operator passes them. */
  const against = (device: LabInventoryDevice) => ({
    args: [
      device.host,
      ...['--port', String(device.port), '--platform', device.platform, '--username', device.username],
      ...['--name', device.name, '--known-hosts', join(workDir, 'known_hosts'), '--timeout', '5'],
    ],
    env: { NETKEEP_SSH_PASSWORD: device.password, NETKEEP_ENABLE_SECRET: device.enableSecret ?? '' },
  });

  it('show prints the command output', async () => {
    const { args, env } = against(healthy);

    const result = await runNetkeep(['show', ...args, 'show version'], env);

    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain(`${healthy.name} uptime is`);
    expect(result.stdout).not.toMatch(/--More--|#\s*$/);
  });

  it('config prints the configuration with secrets masked, unless --no-mask', async () => {
    const { args, env } = against(healthy);

    const masked = await runNetkeep(['config', ...args], env);
    const unmasked = await runNetkeep(['config', ...args, '--no-mask'], env);

    expect(masked).toMatchObject({ exitCode: 0, stderr: '' });
    expect(unmasked).toMatchObject({ exitCode: 0, stderr: '' });
    expect(masked.stdout).toContain(`hostname ${healthy.name}`);
    const { secrets } = await lab.renderedConfig(healthy.name);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(masked.stdout).not.toContain(secret);
      expect(unmasked.stdout).toContain(secret);
    }
  });

  it('facts prints what the device reports as JSON', async () => {
    const { args, env } = against(healthy);

    const result = await runNetkeep(['facts', ...args], env);

    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const facts = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(facts).toMatchObject({ hostname: healthy.name, vendor: expect.stringMatching(/cisco/i) });
    expect(facts['uptimeSeconds']).toEqual(expect.any(Number));
  });

  it('asks for the password and enable secret at a terminal, without echoing them', async () => {
    const { args } = against(healthy);
    const answers = [
      { question: `Password for ${healthy.username}@${healthy.name}: `, answer: healthy.password },
      { question: `Enable secret for ${healthy.name} (Enter if none): `, answer: healthy.enableSecret ?? '' },
    ];

    const { exitCode, screen } = await runNetkeepInTerminal(['show', ...args, 'show version'], {}, answers);

    expect(exitCode).toBe(0);
    expect(screen).toContain(`${healthy.name} uptime is`);
    expect(screen).not.toContain(healthy.password);
    if (healthy.enableSecret) expect(screen).not.toContain(healthy.enableSecret);
  });

  it.each([
    ['show', 'show version'],
    ['config', undefined],
    ['facts', undefined],
  ])('%s on a device that rejects the login fails in the auth phase, on one line', async (command, deviceCommand) => {
    const { args, env } = against(refusing);

    const result = await runNetkeep([command, ...args, ...(deviceCommand ? [deviceCommand] : [])], env);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderrLines).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^netkeep: ${refusing.name} \\(${refusing.host}:${refusing.port}\\): auth failed: `));
  });

  describe('through an OpenSSH jump host', () => {
    let jumpHost: OpenSshServer;

    beforeAll(async () => {
      jumpHost = await startOpenSshServer();
    });

    afterAll(async () => {
      await jumpHost?.stop();
    });

    it('reaches the device with the key on the jump host and the password on the device', async () => {
      const { args, env } = against(healthy);
      const jump = `${jumpHost.username}@${jumpHost.host}:${jumpHost.port}`;

      const result = await runNetkeep(['show', ...args, '--key', jumpHost.privateKeyPath, '--jump', jump, 'show version'], env);

      expect(result).toMatchObject({ exitCode: 0, stderr: '' });
      expect(result.stdout).toContain(`${healthy.name} uptime is`);
      expect(jumpHost.logs()).toContain(`Accepted publickey for ${jumpHost.username}`);
    });
  });
});
