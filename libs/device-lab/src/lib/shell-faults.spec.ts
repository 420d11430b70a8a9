import type { Client } from 'ssh2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeviceLab } from './device-lab';
import { STALLED_CLI_TEXT } from './fault-texts';
import type { LabFault } from './lab-faults';
import { ChannelTranscript, WAIT_MS, connectTo, execOn } from './testing/lab-ssh-client';
import { tinyEnableSecret, tinyPersona } from './testing/tiny-persona';

const DEVICE = 'lab-ios-0001';
const USER_PROMPT = /lab-ios-0001>$/;
const ENABLE_PROMPT = /lab-ios-0001#$/;
/** Long enough that a live device would have printed something; the absence is the assertion. */
const SILENCE_MS = 400;

describe('faults seen in the shell', () => {
  let lab: DeviceLab;
  const clients: Client[] = [];
  const connect = async (...faults: LabFault[]) => {
    lab.fleet.setFaults(DEVICE, faults);
    const client = await connectTo(lab, DEVICE);
    clients.push(client);
    return client;
  };
  const privilegedShell = async (...faults: LabFault[]) => {
    const shell = await ChannelTranscript.shell(await connect(...faults));
    await shell.waitFor(USER_PROMPT);
    shell.channel.write('enable\r');
    await shell.waitFor(/Password: $/);
    await shell.command(tinyEnableSecret(lab.fleet.device(DEVICE).identity), ENABLE_PROMPT);
    await shell.command('terminal length 0', ENABLE_PROMPT);
    return shell;
  };
  const fullConfig = () => lab.fleet.renderedConfig(DEVICE).text.replace(/\n/g, '\r\n');
  const silentFor = async (shell: ChannelTranscript, ms = SILENCE_MS) => {
    const before = shell.text.length;
    await expect(shell.waitFor(/[\s\S]/, before, ms)).rejects.toThrow(/within/);
    return shell.text.length === before;
  };

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 1, personaFor: () => tinyPersona });
    lab.fleet.clock.set(new Date('2025-06-01T12:00:00Z'));
  });
  afterEach(() => clients.splice(0).forEach((client) => client.end()));
  afterAll(() => lab.stop());

  it('hang-mid-output prints about half of the configuration, then nothing, and keeps the channel open', async () => {
    const shell = await privilegedShell('hang-mid-output');
    shell.channel.write('show running-config\r');
    await shell.waitFor(/Building configuration/);
    expect(await silentFor(shell)).toBe(true);
    const printed = shell.text.slice(shell.text.indexOf('Building configuration'));
    expect(printed.length).toBeGreaterThan(fullConfig().length * 0.4);
    expect(printed.length).toBeLessThan(fullConfig().length * 0.6);
    shell.channel.write('show version\r');
    expect(await silentFor(shell)).toBe(true);
    expect(shell.closed).toBe(false);
    expect(lab.fleet.openSessionsByDevice()[DEVICE]).toBe(1);
  });

  it('hang-mid-output leaves other commands alone', async () => {
    const shell = await privilegedShell('hang-mid-output');
    expect(await shell.command('show version', ENABLE_PROMPT)).toContain('Tiny OS');
  });

  it('disconnect-mid-output prints about half of the configuration, then the connection closes', async () => {
    const shell = await privilegedShell('disconnect-mid-output');
    const client = clients[0];
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    let exitStatus: unknown;
    shell.channel.once('exit', (code: unknown) => (exitStatus = code));
    shell.channel.write('show running-config\r');
    await closed;
    const printed = shell.text.slice(shell.text.indexOf('Building configuration'));
    expect(printed.length).toBeGreaterThan(fullConfig().length * 0.4);
    expect(printed.length).toBeLessThan(fullConfig().length * 0.6);
    expect(exitStatus).toBeUndefined();
  });

  it('disconnect-mid-output strikes the configuration fetched over exec too', async () => {
    const client = await connect('disconnect-mid-output');
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const { output, exitCode } = await execOn(client, 'show startup-config');
    await closed;
    expect(output).toBe(fullConfig().slice(0, output.length));
    expect(output.length).toBeLessThan(fullConfig().length * 0.6);
    expect(exitCode).toBeUndefined();
  });

  it('slow-trickle sends everything in small pieces, slowly but completely', async () => {
    const shell = await privilegedShell('slow-trickle');
    const pieces: number[] = [];
    shell.channel.on('data', (chunk: Buffer) => pieces.push(chunk.length));
    const started = Date.now();
    const output = await shell.command('show running-config', ENABLE_PROMPT, 20_000);
    const elapsedMs = Date.now() - started;
    expect(output).toContain(`${fullConfig()}\r\n`);
    expect(Math.max(...pieces)).toBeLessThanOrEqual(64);
    expect(elapsedMs).toBeGreaterThanOrEqual(Math.floor(output.length / 64) * 20 * 0.9);
  });

  it('prompt-never-matches prints text no prompt pattern accepts, then stays silent', async () => {
    const shell = await ChannelTranscript.shell(await connect('prompt-never-matches'));
    await shell.waitFor(/please wait$/);
    expect(shell.text.endsWith(STALLED_CLI_TEXT)).toBe(true);
    shell.channel.write('show version\r');
    expect(await silentFor(shell)).toBe(true);
    expect(shell.closed).toBe(false);
  });

  it('change-password-prompt asks until the answer is N, then shows the prompt', async () => {
    const shell = await ChannelTranscript.shell(await connect('change-password-prompt'));
    await shell.waitFor(/Your password has expired\.\r\nChange now\? \[Y\/N\]: $/);
    let from = shell.text.length;
    shell.channel.write('y\r');
    expect(await shell.waitFor(/Change now\? \[Y\/N\]: $/, from)).toBe('y\r\nChange now? [Y/N]: ');
    from = shell.text.length;
    shell.channel.write('N\r\n');
    expect(await shell.waitFor(USER_PROMPT, from)).toBe('N\r\nlab-ios-0001>');
    expect(await shell.command('show version', USER_PROMPT)).toContain('Tiny OS');
  });

  it('press-any-key shows the prompt only after a key arrives', async () => {
    const shell = await ChannelTranscript.shell(await connect('press-any-key'));
    await shell.waitFor(/Press any key to continue$/);
    expect(await silentFor(shell, 200)).toBe(true);
    const from = shell.text.length;
    shell.channel.write('x');
    expect(await shell.waitFor(USER_PROMPT, from, WAIT_MS)).toBe('\r\nlab-ios-0001>');
  });
});
