import type { Client } from 'ssh2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeviceLab } from './device-lab';
import { LabClock } from './lab-clock';
import { ChannelTranscript, connectTo, execOn } from './testing/lab-ssh-client';
import { TINY_PAGE_LINES, tinyEnableSecret, tinyKeyboardPersona, tinyPersona } from './testing/tiny-persona';

const USER_PROMPT = /lab-ios-0001>$/;
const ENABLE_PROMPT = /lab-ios-0001#$/;
/** Cisco wipes ` --More-- ` by backspacing over it, blanking it, and backspacing again. */
const PAGER_ERASED = '\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10);

function frozenClock(): LabClock {
  const clock = new LabClock();
  clock.set(new Date('2025-06-01T12:00:00Z'));
  return clock;
}

describe('shell session', () => {
  let lab: DeviceLab;
  const clients: Client[] = [];
  const connect = async (name = 'lab-ios-0001', overrides = {}, prepare?: (client: Client) => void) => {
    const client = await connectTo(lab, name, overrides, prepare);
    clients.push(client);
    return client;
  };
  const enabledShell = async () => {
    const shell = await ChannelTranscript.shell(await connect());
    await shell.waitFor(USER_PROMPT);
    shell.channel.write('enable\r');
    await shell.waitFor(/Password: $/);
    await shell.command(tinyEnableSecret(lab.fleet.device('lab-ios-0001').identity), ENABLE_PROMPT);
    return shell;
  };

  beforeAll(async () => {
    lab = await DeviceLab.start({
      clock: frozenClock(),
      devices: 2,
      personaFor: (platform) => (platform === 'cisco_ios' ? tinyPersona : tinyKeyboardPersona),
      platforms: ['cisco_ios', 'mikrotik_routeros'],
      addressing: 'ports',
    });
  });
  afterEach(() => clients.splice(0).forEach((client) => client.end()));
  afterAll(() => lab.stop());

  it('prints the MOTD, then the prompt of the first mode', async () => {
    const shell = await ChannelTranscript.shell(await connect());
    const text = await shell.waitFor(USER_PROMPT);
    expect(text).toBe('\r\nWelcome to lab-ios-0001\r\n\r\nlab-ios-0001>');
  });

  it('echoes typed characters, honours backspace and accepts \\r, \\n and \\r\\n as Enter', async () => {
    const shell = await ChannelTranscript.shell(await connect());
    await shell.waitFor(USER_PROMPT);
    const echoed = await shell.command('show verx\x7fsion', USER_PROMPT);
    expect(echoed.startsWith('show verx\b \bsion\r\nTiny OS, uptime ')).toBe(true);
    for (const enter of ['\n', '\r\n']) {
      const from = shell.text.length;
      shell.channel.write(`show version${enter}`);
      const text = await shell.waitFor(USER_PROMPT, from);
      expect(text).toMatch(/^show version\r\nTiny OS, uptime \d+s\r\nlab-ios-0001>$/);
    }
  });

  it('answers an unknown command with the persona text and a fresh prompt', async () => {
    const shell = await ChannelTranscript.shell(await connect());
    await shell.waitFor(USER_PROMPT);
    expect(await shell.command('shwo run', USER_PROMPT)).toBe('shwo run\r\n% Unknown command: "shwo run"\r\nlab-ios-0001>');
  });

  it('enters the privileged mode with the enable secret, input hidden', async () => {
    const shell = await enabledShell();
    expect(shell.text).toMatch(/enable\r\nPassword: \r\nlab-ios-0001#$/);
    expect(shell.text).not.toContain('enable-0');
  });

  it('pages output until paging is disabled', async () => {
    const shell = await enabledShell();
    let from = shell.text.length;
    shell.channel.write('show running-config\r');
    const firstPage = await shell.waitFor(/ --More-- $/, from);
    expect(firstPage.split('\r\n')).toHaveLength(TINY_PAGE_LINES + 2);

    from = shell.text.length;
    shell.channel.write('\r');
    const oneLine = await shell.waitFor(/ --More-- $/, from);
    expect(oneLine.startsWith(PAGER_ERASED)).toBe(true);
    expect(oneLine.slice(PAGER_ERASED.length)).toMatch(/^[^\r\n]*\r\n --More-- $/);

    from = shell.text.length;
    shell.channel.write(' ');
    await shell.waitFor(/ --More-- $/, from);
    from = shell.text.length;
    shell.channel.write('q');
    expect(await shell.waitFor(ENABLE_PROMPT, from)).toBe(`${PAGER_ERASED}lab-ios-0001#`);

    await shell.command('terminal length 0', ENABLE_PROMPT);
    const config = await shell.command('show running-config', ENABLE_PROMPT);
    expect(config).not.toContain('--More--');
    expect(config).toContain('\r\nend\r\nlab-ios-0001#');
  });

  it('closes the channel on exit', async () => {
    const shell = await ChannelTranscript.shell(await connect());
    await shell.waitFor(USER_PROMPT);
    shell.channel.write('exit\r');
    await shell.waitForClose();
  });

  it('runs one command over exec without paging, with an exit status', async () => {
    const client = await connect();
    expect(await execOn(client, 'show version')).toEqual({ output: expect.stringMatching(/^Tiny OS/), exitCode: 0 });
    expect(await execOn(client, 'reload')).toEqual({ output: '% Unknown command: "reload"\r\n', exitCode: 1 });
  });

  it('delivers output far larger than the SSH window intact to a client that reads slowly', async () => {
    const device = lab.fleet.device('lab-ios-0001');
    const originalState = device.state;
    const addLines = Array.from({ length: 150_000 }, (_, index) => `access-list 101 permit ip host 192.0.2.${index % 250} any log ! ${index}`);
    lab.fleet.changeConfig('lab-ios-0001', { addLines });
    const expected = lab.fleet.renderedConfig('lab-ios-0001').text.replace(/\n/g, '\r\n');
    expect(expected.length).toBeGreaterThan(8 * 1024 * 1024);
    const client = await connect();
    const received = await new Promise<string>((resolve, reject) => {
      client.exec('show startup-config', (error, channel) => {
        if (error) return reject(error);
        const pieces: Buffer[] = [];
        // A reader that stalls after the first piece: the window fills and the device must wait.
        channel.on('data', (piece: Buffer) => {
          if (pieces.push(piece) > 1) return;
          channel.pause();
          setTimeout(() => channel.resume(), 300);
        });
        channel.on('close', () => resolve(Buffer.concat(pieces).toString('utf8')));
      });
    });
    device.state = originalState;
    expect(received.length).toBe(expected.length + 2);
    expect(received).toBe(`${expected}\r\n`);
  });

  it('reports a persona that throws and closes only that channel', async () => {
    const errors: string[] = [];
    const crashing = await DeviceLab.start({
      devices: 1,
      personaFor: () => ({ ...tinyPersona, run: () => { throw new Error('persona bug'); } }),
      onSessionError: (name, error) => errors.push(`${name}: ${(error as Error).message}`),
    });
    try {
      const client = await connectTo(crashing, 'lab-ios-0001');
      clients.push(client);
      const shell = await ChannelTranscript.shell(client);
      await shell.waitFor(USER_PROMPT);
      shell.channel.write('show version\r');
      await shell.waitForClose();
      expect(errors).toEqual(['lab-ios-0001: persona bug']);
      expect(await execOn(client, 'show version')).toMatchObject({ exitCode: undefined });
    } finally {
      await crashing.stop();
    }
  });

  it('works without a pty', async () => {
    const shell = await ChannelTranscript.shell(await connect(), false);
    await shell.waitFor(USER_PROMPT);
    expect(await shell.command('show version', USER_PROMPT)).toContain('Tiny OS');
  });

  it('logs in with keyboard-interactive and hands login options to the persona', async () => {
    const device = lab.fleet.device('lab-ros-0002');
    let prompts: unknown;
    const login = { username: `${device.credentials.username}+ct511w4098h`, password: undefined, tryKeyboard: true };
    const client = await connect('lab-ros-0002', login, (unready) =>
      unready.on('keyboard-interactive', (_name, _instructions, _lang, asked, finish) => {
        prompts = asked;
        finish([device.credentials.password]);
      }),
    );
    expect(prompts).toEqual([{ prompt: 'Password: ', echo: false }]);
    const shell = await ChannelTranscript.shell(client);
    await shell.waitFor(/lab-ros-0002>$/);
    expect(await shell.command('whoami', /lab-ros-0002>$/)).toContain('netkeep {"height":"4098"}');
  });

  it('pages by the terminal height the login username asked for', async () => {
    const device = lab.fleet.device('lab-ros-0002');
    const client = await connect('lab-ros-0002', { username: 'netkeep+ct80w5h', password: undefined, tryKeyboard: true }, (unready) =>
      unready.on('keyboard-interactive', (_name, _instructions, _lang, _prompts, finish) => finish([device.credentials.password])),
    );
    const shell = await ChannelTranscript.shell(client);
    await shell.waitFor(/lab-ros-0002>$/);
    const from = shell.text.length;
    shell.channel.write('show startup-config\r');
    expect((await shell.waitFor(/ --More-- $/, from)).split('\r\n')).toHaveLength(5 + 2);
  });

  it('prints output the persona marks unpaged without the pager, and keeps paging on', async () => {
    const shell = await ChannelTranscript.shell(await connect());
    await shell.waitFor(USER_PROMPT);
    const unpaged = await shell.command('show startup-config | no-more', USER_PROMPT);
    expect(unpaged).not.toContain('--More--');
    expect(unpaged).toContain('\r\nend\r\n');
    const from = shell.text.length;
    shell.channel.write('show startup-config\r');
    await shell.waitFor(/ --More-- $/, from);
  });
});
