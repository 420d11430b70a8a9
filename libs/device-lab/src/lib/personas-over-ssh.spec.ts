import type { Client } from 'ssh2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isConfigurationOutput } from './config-output';
import { DeviceLab } from './device-lab';
import { LabClock } from './lab-clock';
import type { LabDevice } from './lab-fleet';
import { LAB_PLATFORMS, type LabPlatform } from './persona';
import { PERSONAS } from './personas';
import { ChannelTranscript, connectTo, execOn } from './testing/lab-ssh-client';

/** What a backup tool sends to each platform: login options, paging off, then the configuration command. */
const BACKUP_COMMANDS: Record<LabPlatform, { loginSuffix?: string; pagingOff?: string; config: string }> = {
  cisco_ios: { pagingOff: 'terminal length 0', config: 'show running-config' },
  cisco_xe: { pagingOff: 'terminal length 0', config: 'show running-config' },
  cisco_nxos: { pagingOff: 'terminal length 0', config: 'show running-config' },
  cisco_xr: { pagingOff: 'terminal length 0', config: 'show running-config' },
  arista_eos: { pagingOff: 'terminal length 0', config: 'show running-config' },
  juniper_junos: { pagingOff: 'set cli screen-length 0', config: 'show configuration | display omit' },
  mikrotik_routeros: { loginSuffix: '+ct511w4098h', config: '/export show-sensitive' },
  huawei_vrp: { pagingOff: 'screen-length 0 temporary', config: 'display current-configuration' },
  linux: { config: 'cat /etc/hostname /etc/hosts /etc/resolv.conf' },
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('every persona through the lab SSH server', () => {
  let lab: DeviceLab;
  const clients: Client[] = [];
  const deviceOf = (platform: LabPlatform) => {
    const device = lab.fleet.list().find((candidate) => candidate.identity.platform === platform);
    if (!device) throw new Error(`no ${platform} device`);
    return device;
  };
  /** Any prompt of any mode of the device, at the end of the text (Junos prompts span lines). */
  const promptOf = (device: LabDevice, username: string) => {
    const prompts = device.persona.modes.map((mode) =>
      device.persona.prompt({
        device: device.identity,
        state: device.state,
        mode,
        pagingEnabled: true,
        now: lab.fleet.now(),
        username,
        loginOptions: {},
      }),
    );
    return new RegExp(`(${prompts.map((prompt) => escape(prompt.replace(/\n/g, '\r\n'))).join('|')})$`);
  };
  const login = async (device: LabDevice) => {
    const { username, password } = device.credentials;
    const loginName = username + (BACKUP_COMMANDS[device.identity.platform].loginSuffix ?? '');
    const client = await connectTo(lab, device.identity.name, { username: loginName, tryKeyboard: true }, (unready) => {
      clients.push(unready);
      unready.on('keyboard-interactive', (_name, _instructions, _lang, _prompts, finish) => finish([password]));
    });
    return client;
  };

  /** Logs in and gets the shell where a backup tool runs the configuration command. */
  const backupShell = async (device: LabDevice) => {
    const prompt = promptOf(device, device.credentials.username);
    const client = await login(device);
    const shell = await ChannelTranscript.shell(client);
    await shell.waitFor(prompt);
    const { pagingOff } = BACKUP_COMMANDS[device.identity.platform];
    if (pagingOff) await shell.command(pagingOff, prompt);
    if (device.credentials.enableSecret !== null) {
      shell.channel.write('enable\r');
      await shell.waitFor(/Password: ?$/, shell.text.length - 1);
      await shell.command(device.credentials.enableSecret, prompt);
    }
    return { client, shell, prompt };
  };

  beforeAll(async () => {
    const clock = new LabClock();
    clock.set(new Date('2025-06-01T12:00:00Z'));
    lab = await DeviceLab.start({ devices: LAB_PLATFORMS.length, personaFor: (platform) => PERSONAS[platform], clock });
  });
  afterEach(() => clients.splice(0).forEach((client) => client.end()));
  afterAll(() => lab.stop());

  it.each(LAB_PLATFORMS)('%s: logs in, reaches its prompt, leaves paging and fetches its configuration', async (platform) => {
    const device = deviceOf(platform);
    const { shell, prompt } = await backupShell(device);
    const output = await shell.command(BACKUP_COMMANDS[platform].config, prompt);
    const config = lab.fleet.renderedConfig(device.identity.name).text;
    expect(output).not.toContain(device.persona.pagerPrompt || 'no pager');
    expect(isConfigurationOutput(output, config)).toBe(true);
    if (platform !== 'linux') expect(output).toContain(config.replace(/\n/g, '\r\n'));
  });

  it.each(LAB_PLATFORMS)('%s: answers an unknown command with its own error, in the shell and over exec', async (platform) => {
    const device = deviceOf(platform);
    const prompt = promptOf(device, device.credentials.username);
    const client = await login(device);
    const shell = await ChannelTranscript.shell(client);
    await shell.waitFor(prompt);
    const output = await shell.command('frobnicate the widgets', prompt);
    expect(output).toContain('frobnicate the widgets\r\n');
    const { exitCode } = await execOn(client, 'frobnicate the widgets');
    expect(exitCode).toBe(1);
  });

  it.each(LAB_PLATFORMS)('%s: disconnect-mid-output strikes its configuration command', async (platform) => {
    const device = deviceOf(platform);
    lab.fleet.setFaults(device.identity.name, ['disconnect-mid-output']);
    try {
      const { client, shell, prompt } = await backupShell(device);
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
      shell.channel.write(`${BACKUP_COMMANDS[platform].config}\r`);
      await closed;
      expect(shell.text).not.toMatch(prompt);
    } finally {
      lab.fleet.setFaults(device.identity.name, []);
    }
  });
});
