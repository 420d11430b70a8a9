import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WORKSPACE = resolve(__dirname, '../../..');
const READY_LINE = 'device lab ready';
const WAIT_MS = 30_000;

interface LabRun {
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves when `text` shows up in the output; fails if the process exits first or the wait runs out. */
  waitFor: (text: string) => Promise<void>;
  kill: (signal: NodeJS.Signals) => void;
}

function runLab(args: string[], env: NodeJS.ProcessEnv = {}): LabRun {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/device-lab/src/main.ts', ...args], {
    cwd: WORKSPACE,
    env: { ...process.env, ...env },
  });
  let output = '';
  const collect = (chunk: string) => (output += chunk);
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const waitFor = (text: string) =>
    new Promise<void>((resolveSeen, reject) => {
      const check = () => output.includes(text) && finish();
      const onExit = () => finish(new Error(`exited before "${text}":\n${output}`));
      const timer = setTimeout(() => finish(new Error(`no "${text}" within ${WAIT_MS} ms:\n${output}`)), WAIT_MS);
      const finish = (error?: Error) => {
        clearTimeout(timer);
        child.stdout.off('data', check);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolveSeen();
      };
      child.stdout.on('data', check);
      child.once('exit', onExit);
      check();
    });
  return { output: () => output, exited, waitFor, kill: (signal) => child.kill(signal) };
}

describe('device lab app', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-lab-app-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('starts, prints its facts and the ready line, serves SSH and HTTP, and stops cleanly on SIGTERM', async () => {
    const inventoryPath = join(dir, 'inventory.json');
    const run = runLab(
      ['--devices', '3', '--platforms', 'cisco_ios', '--port', '0', '--snmp-port', '0', '--control-port', '0', '--inventory', inventoryPath, '--faults', 'auth-fail:1'],
      { NETKEEP_LAB_PASSWORD: 'from-the-environment' },
    );
    try {
      await run.waitFor(READY_LINE);
      expect(run.output()).toMatch(/^devices: 3 \(cisco_ios\)\nlistening: 127\.20\.0\.1 - 127\.20\.0\.3 ports \d+-\d+\nsnmp: udp ports \d+-\d+, v2c and v3 \(SHA\/AES\), credentials in the inventory\nfaults: auth-fail:1\ncontrol: http:\/\/127\.0\.0\.1:\d+\ninventory: .*inventory\.json\nstarted in \d+ ms, rss \d+ MB\ndevice lab ready\n$/);
      expect((await stat(inventoryPath)).mode & 0o777).toBe(0o600);
      const inventory = JSON.parse(await readFile(inventoryPath, 'utf8'));
      expect(inventory.devices.map((device: { password: string }) => device.password)).toEqual(Array(3).fill('from-the-environment'));
      const health = await fetch(`${inventory.lab.control}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', devices: 3 });
      const healthy = inventory.devices.find((device: { faults: string[] }) => device.faults.length === 0);
      await expect(loginSucceeds(healthy)).resolves.toBe(true);
    } finally {
      run.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('SIGTERM: stopping\ndevice lab stopped\n');
  });

  it.each([
    [['--devices', 'many'], /argument 'many' is invalid\. expected an integer from 1 to 100000/],
    [['--platforms', 'cisco_ios,toaster'], /unknown platform\(s\) toaster/],
    [['--faults', 'explode:2'], /fault "explode:2" is not <fault>\[:<count>\]/],
    [['--fault-rate', '2'], /expected a share from 0 to 1/],
    [['--addressing', 'anycast'], /Allowed choices are loopback, ports/],
    [['--base-address', '192.0.2.1', '--port', '0'], /^device lab: base address 192\.0\.2\.1 is not an IPv4 loopback address/],
    [['--devices', '2', '--faults', 'auth-fail:3', '--port', '0'], /3 faulty devices requested, but the fleet has 2/],
  ])('refuses %j with one line and a non-zero exit', async (args, message) => {
    const run = runLab([...args, '--control-port', '0', '--inventory', join(dir, 'unused.json')]);
    expect(await run.exited).not.toBe(0);
    expect(run.output().trim()).toMatch(message);
    expect(run.output().trim().split('\n')).toHaveLength(1);
  });
});

function loginSucceeds(device: { host: string; port: number; username: string; password: string }): Promise<boolean> {
  return new Promise((resolveLogin, reject) => {
    const client = new Client();
    client.once('ready', () => {
      client.end();
      resolveLogin(true);
    });
    client.once('error', reject);
    client.connect({ ...device, readyTimeout: WAIT_MS });
  });
}
