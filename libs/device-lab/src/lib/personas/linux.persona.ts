import type { CommandResult, LabDeviceFacts, LabDeviceIdentity, LabDeviceState, LabInterface, Persona, RenderedConfig, ShellContext } from '../persona';
import { clockTime, durationParts, gnuDate, uptimeSecondsAt } from './clock-format';
import { interfaceCounters } from './interface-counters';
import {
  LINUX_KERNEL, LINUX_PRETTY_NAME, etcHosts, ipAddr, ipRoute, linkHeader, linuxLinks, machineId, resolvConf,
} from './linux.files';
import { userPattern } from './output-pipes';

/**
 * A Debian 12 host behind bash. The configuration a backup collects is the output of
 * `cat /etc/hostname /etc/hosts /etc/resolv.conf`, `ip -4 addr show` and `ip route show`,
 * in that order, joined by line breaks. No pager: `pageLines` is 0.
 */

const SHELL = 'shell';
const CONFIG_COMMANDS = ['cat /etc/hostname /etc/hosts /etc/resolv.conf', 'ip -4 addr show', 'ip route show'] as const;

/** Virtio NICs report 1G. */
const LINUX_SPEED_MBPS = 1_000;

/** The Ethernet links (eth0 out of band, then the planned ports); not lo, not VLAN sub-interfaces. */
function linuxInterfaces(device: LabDeviceIdentity): LabInterface[] {
  return linuxLinks(device, { addedLines: [], descriptions: {}, changedAt: device.bootedAt, changedBy: 'admin' })
    .filter((link) => /^eth\d+$/.test(link.name))
    .map((link) => ({ name: link.name, speedMbps: LINUX_SPEED_MBPS, adminUp: link.up, description: link.alias ?? '', mtu: link.mtu, mac: link.mac.replace(/:/g, '') }));
}

function facts(device: LabDeviceIdentity, now: Date): LabDeviceFacts {
  return { hostname: device.name, vendor: 'Debian', model: 'x86_64', serial: machineId(device), osVersion: LINUX_PRETTY_NAME, uptimeSeconds: uptimeSecondsAt(device, now) };
}

function files(device: LabDeviceIdentity, state: LabDeviceState, now: Date): Record<string, string[]> {
  const up = (now.getTime() - device.bootedAt.getTime()) / 1000;
  return {
    '/etc/hostname': [device.name],
    '/etc/hosts': etcHosts(device, state),
    '/etc/resolv.conf': resolvConf(device),
    '/etc/machine-id': [machineId(device)],
    '/etc/debian_version': ['12.8'],
    '/etc/issue': ['Debian GNU/Linux 12 \\n \\l', ''],
    '/etc/os-release': [
      `PRETTY_NAME="${LINUX_PRETTY_NAME}"`, 'NAME="Debian GNU/Linux"', 'VERSION_ID="12"', 'VERSION="12 (bookworm)"',
      'VERSION_CODENAME=bookworm', 'ID=debian', 'HOME_URL="https://www.debian.org/"', 'SUPPORT_URL="https://www.debian.org/support"',
      'BUG_REPORT_URL="https://bugs.debian.org/"',
    ],
    '/proc/uptime': [`${Math.max(0, up).toFixed(2)} ${(Math.max(0, up) * 3.87).toFixed(2)}`],
  };
}

function cat(paths: string[], ctx: ShellContext): string {
  const known = files(ctx.device, ctx.state, ctx.now);
  return paths.flatMap((path) => {
    if (known[path]) return known[path];
    if (path === '/etc/shadow' || path === '/etc/gshadow') return [`cat: ${path}: Permission denied`];
    return [`cat: ${path}: No such file or directory`];
  }).join('\n');
}

function uname(options: string[]): string | undefined {
  const all = ['s', 'n', 'r', 'v', 'm', 'o'];
  const letters = options.flatMap((o) => (o === '-a' || o === '--all' ? all : /^-[a-z]+$/.test(o) ? [...o.slice(1)] : ['?']));
  const bad = letters.find((l) => !all.includes(l));
  if (bad) return `uname: invalid option -- '${bad}'\nTry 'uname --help' for more information.`;
  const values: Record<string, string> = { s: 'Linux', n: '%h', r: LINUX_KERNEL, v: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)', m: 'x86_64', o: 'GNU/Linux' };
  return (letters.length ? all.filter((l) => letters.includes(l)) : ['s']).map((l) => values[l]).join(' ');
}

function ipStatsLink(ctx: ShellContext): string {
  return linuxLinks(ctx.device, ctx.state).flatMap((link) => {
    const c = interfaceCounters(ctx, { name: link.name, speedMbps: LINUX_SPEED_MBPS, adminUp: link.up });
    const row = (values: (number | bigint)[]): string => `    ${values.map((v, i) => String(v).padStart(i === 0 ? 10 : 7)).join(' ')}`;
    return [
      linkHeader(link, `${link.name === 'lo' ? 'qdisc noqueue state UNKNOWN' : `qdisc mq state ${link.up ? 'UP' : 'DOWN'}`} mode DEFAULT group default qlen 1000`),
      `    link/${link.name === 'lo' ? 'loopback' : 'ether'} ${link.mac} brd ${link.name === 'lo' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}`,
      '    RX:  bytes packets errors dropped  missed   mcast',
      row([c.inOctets, c.inPackets, c.inErrors, c.inDrops, 0, c.inMulticast]),
      '    TX:  bytes packets errors dropped carrier collsns',
      row([c.outOctets, c.outPackets, c.outErrors, c.outDrops, 0, 0]),
    ];
  }).join('\n');
}

/** `ip [-4] [-s] addr|route|link [show]`, with the objects abbreviated as iproute2 allows. */
function ip(args: string[], ctx: ShellContext): string {
  const options = args.filter((a) => a.startsWith('-'));
  const [object = '', verb = 'show', ...rest] = args.filter((a) => !a.startsWith('-'));
  if (!['show', 'list', 'ls', 'lst'].includes(verb) || rest.length > 0) return `Command "${verb}" is unknown, try "ip ${object} help".`;
  if ('address'.startsWith(object) && object !== '') return ipAddr(ctx.device, ctx.state, ctx.now, options.includes('-4')).lines.join('\n');
  if ('route'.startsWith(object) && object !== '') return ipRoute(ctx.device, ctx.state).join('\n');
  if ('link'.startsWith(object) && object !== '') {
    return options.includes('-s') ? ipStatsLink(ctx) : linuxLinks(ctx.device, ctx.state).map((l) => linkHeader(l, 'mode DEFAULT group default qlen 1000')).join('\n');
  }
  return `Object "${object}" is unknown, try "ip help".`;
}

function command(words: string[], ctx: ShellContext): CommandResult | undefined {
  const [name, ...args] = words;
  switch (name) {
    case 'cat': return { output: cat(args, ctx) };
    case 'ip': return { output: ip(args, ctx) };
    case 'hostname': return { output: args.includes('-f') ? `${ctx.device.name}.lab.netkeep.test` : ctx.device.name };
    case 'uname': return { output: (uname(args) ?? '').replace('%h', ctx.device.name) };
    case 'date': return { output: gnuDate(ctx.now) };
    case 'whoami': return { output: ctx.username };
    case 'uptime': {
      const u = durationParts(uptimeSecondsAt(ctx.device, ctx.now));
      return { output: ` ${clockTime(ctx.now)} up ${u.totalDays} days, ${String(u.hours).padStart(2)}:${String(u.minutes).padStart(2, '0')},  1 user,  load average: 0.08, 0.03, 0.01` };
    }
    case 'exit':
    case 'logout': return { output: 'logout', close: true };
    default: return undefined;
  }
}

/** `| grep [-v] [-i] PATTERN`, the one filter the backup and telemetry commands may use. */
function grep(output: string, filter: string): string | undefined {
  const words = filter.trim().split(/\s+/);
  if (words[0] !== 'grep') return undefined;
  const invert = words.includes('-v');
  const flags = words.includes('-i') ? 'i' : '';
  const pattern = words.slice(1).filter((w) => !w.startsWith('-')).join(' ').replace(/^['"]|['"]$/g, '');
  return output.split('\n').filter((line) => userPattern(pattern, flags).test(line) !== invert).join('\n');
}

function run(line: string, ctx: ShellContext): CommandResult | undefined {
  const [first, ...filters] = line.split('|');
  const result = command(first.trim().split(/\s+/), ctx);
  if (!result) return undefined;
  let output = result.output;
  for (const filter of filters) {
    const filtered = grep(output, filter);
    if (filtered === undefined) return { output: `-bash: ${filter.trim().split(/\s+/)[0]}: command not found` };
    output = filtered;
  }
  return { ...result, output };
}

function renderLinuxConfig(device: LabDeviceIdentity, state: LabDeviceState, now: Date): RenderedConfig {
  const addresses = ipAddr(device, state, now, true);
  const [catCommand] = CONFIG_COMMANDS;
  const ctx: ShellContext = { device, state, mode: SHELL, pagingEnabled: false, now, username: 'netkeep', loginOptions: {} };
  const text = [cat(catCommand.split(' ').slice(1), ctx), ...addresses.lines, ...ipRoute(device, state)].join('\n');
  return { text, volatileLines: addresses.volatile, secrets: [] };
}

export const linuxPersona: Persona = {
  platform: 'linux',
  vendor: 'Debian',
  sshIdent: 'OpenSSH_9.2p1',
  modes: [SHELL],
  prompt: (ctx) => `${ctx.username}@${ctx.device.name}:~$ `,
  pagerPrompt: '',
  pageLines: 0,
  motd: (ctx) => [
    `Linux ${ctx.device.name} ${LINUX_KERNEL} #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64`,
    '',
    'The programs included with the Debian GNU/Linux system are free software;',
    'the exact distribution terms for each program are described in the',
    'individual files in /usr/share/doc/*/copyright.',
    '',
    'Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent',
    'permitted by applicable law.',
    `Last login: ${gnuDate(new Date(ctx.now.getTime() - 3_600_000)).replace(' UTC', '')} from 10.250.3.30`,
    '',
  ].join('\n'),
  unknownCommand: (line) => `-bash: ${line.split(/\s+/)[0]}: command not found\n`,
  run,
  renderConfig: renderLinuxConfig,
  facts,
  interfaces: linuxInterfaces,
};

export { CONFIG_COMMANDS as LINUX_CONFIG_COMMANDS };
