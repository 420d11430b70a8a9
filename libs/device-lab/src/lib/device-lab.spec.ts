import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceLab } from './device-lab';
import { ChannelTranscript, WAIT_MS, connectTo } from './testing/lab-ssh-client';
import { tinyPersona } from './testing/tiny-persona';

const WORKSPACE = resolve(__dirname, '../../../..');

describe('DeviceLab', () => {
  const labs: DeviceLab[] = [];
  const start = async (options: Partial<Parameters<typeof DeviceLab.start>[0]> = {}) => {
    const lab = await DeviceLab.start({ devices: 3, personaFor: () => tinyPersona, ...options });
    labs.push(lab);
    return lab;
  };
  afterEach(() => Promise.all(labs.splice(0).map((lab) => lab.stop())));

  it('writes an inventory of every device, readable by its owner only', async () => {
    const lab = await start({ password: 'lab-secret', faults: { counts: { 'auth-fail': 1 } } });
    const dir = await mkdtemp(join(tmpdir(), 'netkeep-lab-inventory-'));
    try {
      const path = join(dir, 'nested', 'inventory.json');
      await lab.writeInventory(path);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const inventory = JSON.parse(await readFile(path, 'utf8'));
      expect(inventory).toEqual({ ...lab.inventory(), generatedAt: expect.any(String) });
      expect(new Date(inventory.generatedAt).getTime()).not.toBeNaN();
      expect(inventory.lab).toEqual({ control: lab.controlUrl });
      expect(inventory.devices[0]).toEqual({
        name: 'lab-ios-0001',
        host: '127.20.0.1',
        port: lab.fleet.device('lab-ios-0001').port,
        platform: 'cisco_ios',
        username: 'netkeep',
        password: 'lab-secret',
        enableSecret: 'enable-0',
        faults: lab.fleet.device('lab-ios-0001').faults,
        snmp: {
          port: lab.fleet.device('lab-ios-0001').snmp.port,
          community: lab.fleet.device('lab-ios-0001').snmp.community,
          v3: { user: 'nkmon', authProtocol: 'sha', authKey: expect.any(String), privProtocol: 'aes', privKey: expect.any(String) },
        },
      });
      expect(inventory.devices.flatMap((device: { faults: string[] }) => device.faults)).toEqual(['auth-fail']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves every device on 127.0.0.1 with its own port in ports mode', async () => {
    const lab = await start({ addressing: 'ports' });
    const ports = lab.inventory().devices.map((device) => device.port);
    expect(new Set(ports).size).toBe(3);
    for (const device of lab.inventory().devices) {
      expect(device.host).toBe('127.0.0.1');
      const client = await connectTo(lab, device.name);
      client.end();
    }
  });

  it('refuses to start when a device address is taken, with a message naming it', async () => {
    const first = await start({ devices: 1, addressing: 'ports' });
    const taken = first.fleet.device('lab-ios-0001').port;
    await expect(start({ devices: 1, addressing: 'ports', port: taken })).rejects.toThrow(
      new RegExp(`lab-ios-0001 cannot listen on 127.0.0.1:${taken}`),
    );
  });

  it('counts sessions and drops every open connection on stop', async () => {
    const lab = await start();
    const client = await connectTo(lab, 'lab-ios-0001');
    const shell = await ChannelTranscript.shell(client);
    await shell.waitFor(/>$/);
    expect(lab.fleet.openSessions()).toBe(1);
    const closed = new Promise<void>((resolveClosed) => client.once('close', () => resolveClosed()));
    await lab.stop();
    await closed;
    expect(lab.fleet.openSessions()).toBe(0);
  });

  it('leaves nothing behind that keeps the process alive once stopped', async () => {
    const script = `
      const { DeviceLab } = require('./libs/device-lab/src/lib/device-lab');
      const { tinyPersona } = require('./libs/device-lab/src/lib/testing/tiny-persona');
      const { ChannelTranscript, connectTo } = require('./libs/device-lab/src/lib/testing/lab-ssh-client');
      (async () => {
        const lab = await DeviceLab.start({ devices: 5, personaFor: () => tinyPersona, faults: { counts: { 'slow-trickle': 5 } } });
        const client = await connectTo(lab, 'lab-ios-0001');
        client.on('error', () => undefined);
        const shell = await ChannelTranscript.shell(client);
        await shell.waitFor(/>$/, 0, 10000);
        shell.channel.write('show startup-config\\r');
        await lab.stop();
        console.log('stopped');
      })();`;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script], { cwd: WORKSPACE });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exitCode = await new Promise<number | null>((resolveExit, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`process still alive ${3 * WAIT_MS} ms after lab.stop():\n${output}`));
      }, 3 * WAIT_MS);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolveExit(code);
      });
    });
    expect(output).toContain('stopped');
    expect(exitCode).toBe(0);
  });
});
