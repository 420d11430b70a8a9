import type { CommandResult, LabDeviceIdentity, LabDeviceState, Persona, RenderedConfig, ShellContext } from '../persona';

/**
 * A minimal IOS-like persona for the engine's own specs: two modes, enable with a secret,
 * a pager, and a configuration long enough to page and to cut in half.
 */
export const TINY_PAGE_LINES = 10;
export const TINY_INTERFACES = Array.from({ length: 12 }, (_, index) => `GigabitEthernet0/${index}`);

export function tinyEnableSecret(device: LabDeviceIdentity): string {
  return `enable-${device.index}`;
}

function renderConfig(device: LabDeviceIdentity, state: LabDeviceState, now: Date): RenderedConfig {
  const stamp = `! Last configuration change at ${state.changedAt.toISOString()} by ${state.changedBy}`;
  const generated = `! Generated at ${now.toISOString()}`;
  const lines = [generated, stamp, `hostname ${device.name}`, `enable secret ${tinyEnableSecret(device)}`];
  for (const name of TINY_INTERFACES) {
    lines.push(`interface ${name}`, ` description ${state.descriptions[name] ?? 'unused'}`, ' shutdown', '!');
  }
  const all = [...lines, ...state.addedLines, 'end'];
  return { text: all.join('\n'), volatileLines: [generated], secrets: [tinyEnableSecret(device)] };
}

function run(command: string, ctx: ShellContext): CommandResult | undefined {
  const privileged = ctx.mode === 'enable';
  switch (command) {
    case 'terminal length 0':
      return { output: '', paging: false };
    case 'enable':
      return {
        output: '',
        secretPrompt: {
          prompt: 'Password: ',
          onSecret: (secret) =>
            secret === tinyEnableSecret(ctx.device) ? { output: '', mode: 'enable' } : { output: '% Access denied\n' },
        },
      };
    case 'show version':
      return { output: `Tiny OS, uptime ${Math.round((ctx.now.getTime() - ctx.device.bootedAt.getTime()) / 1000)}s\n` };
    case 'show running-config':
      if (!privileged) return { output: '% Privileged command\n' };
      return { output: `Building configuration...\n\n${renderConfig(ctx.device, ctx.state, ctx.now).text}\n` };
    case 'show startup-config':
      return { output: renderConfig(ctx.device, ctx.state, ctx.now).text };
    case 'show startup-config | no-more':
      return { output: renderConfig(ctx.device, ctx.state, ctx.now).text, unpaged: true };
    case 'whoami':
      return { output: `${ctx.username} ${JSON.stringify(ctx.loginOptions)}\n` };
    case 'exit':
      return { output: '', close: true };
    default:
      return undefined;
  }
}

export const tinyPersona: Persona = {
  platform: 'cisco_ios',
  vendor: 'Tiny',
  modes: ['user', 'enable'],
  prompt: (ctx) => `${ctx.device.name}${ctx.mode === 'enable' ? '#' : '>'}`,
  pagerPrompt: ' --More-- ',
  pageLines: TINY_PAGE_LINES,
  pagerErase: 'backspaces',
  motd: (ctx) => `\nWelcome to ${ctx.device.name}\n\n`,
  unknownCommand: (command) => `% Unknown command: "${command}"\n`,
  run,
  renderConfig,
  facts: (device, now) => ({
    hostname: device.name,
    vendor: 'Tiny',
    model: 'T-1',
    serial: `T${device.index}`,
    osVersion: '1.0',
    uptimeSeconds: Math.round((now.getTime() - device.bootedAt.getTime()) / 1000),
  }),
  enableSecret: tinyEnableSecret,
};

/** The same device behind keyboard-interactive auth and a MikroTik-style login username (`admin+ct511w4098h`). */
export const tinyKeyboardPersona: Persona = {
  ...tinyPersona,
  platform: 'mikrotik_routeros',
  authMethods: ['keyboard-interactive'],
  parseLoginUsername: (raw) => {
    const [username, terminal = ''] = raw.split('+');
    const height = /(\d+)h/.exec(terminal)?.[1];
    const options: Record<string, string> = height ? { height } : {};
    return { username, options };
  },
};
