import type { CommandResult, LabDeviceFacts, LabDeviceIdentity, LabInterface, Persona, ShellContext } from '../persona';
import { clockTime, durationParts, isoDateTime, junosAgo, uptimeSecondsAt } from './clock-format';
import { CommandTable, tableDrivenCli, type CommandSpec } from './command-table';
import { interfaceCounters, linkStatus, portsNamed } from './interface-counters';
import { JUNOS_MODEL, JUNOS_VERSION, junosPlan, renderJunosConfig } from './juniper-junos.config';
import { displaySet } from './junos-hierarchy';
import { descriptionOf, formatMac, type PlannedPort } from './network-plan';
import { beginPipe, countPipe, excludePipe, includePipe, noMorePipe, transformPipe, unchangedPipe } from './output-pipes';
import { SeededRandom, UPPER_ALPHANUMERIC } from './seeded-random';

/** Juniper Junos 21.4 on an MX204: operational mode `user@host> `, configuration mode under `[edit]`. */

const OPERATIONAL = 'operational';
const CONFIGURATION = 'configuration';

function serialOf(device: LabDeviceIdentity): string {
  const rng = SeededRandom.forDevice(device, 'serial');
  return `${rng.pick(['JN', 'DL'])}${rng.chars(10, UPPER_ALPHANUMERIC)}`;
}

function facts(device: LabDeviceIdentity, now: Date): LabDeviceFacts {
  return { hostname: device.name, vendor: 'Juniper', model: JUNOS_MODEL, serial: serialOf(device), osVersion: JUNOS_VERSION, uptimeSeconds: uptimeSecondsAt(device, now) };
}

function showVersion(ctx: ShellContext): string {
  const build = '[20230808.5d1c6d4_builder_stable_12_214]';
  return [
    `Hostname: ${ctx.device.name}`,
    `Model: ${JUNOS_MODEL}`,
    `Junos: ${JUNOS_VERSION}`,
    `JUNOS OS Kernel 64-bit  ${build}`,
    `JUNOS OS libs ${build}`,
    `JUNOS OS runtime ${build}`,
    `JUNOS OS time zone information ${build}`,
    `JUNOS Packet Forwarding Engine Support (MX/EX92XX Common) [${JUNOS_VERSION}]`,
    `JUNOS Routing Software Suite [${JUNOS_VERSION}]`,
  ].join('\n');
}

function showChassisHardware(ctx: ShellContext): string {
  const rng = SeededRandom.forDevice(ctx.device, 'module-serials');
  const part = (): string => `${rng.pick(['ACPD', 'ACRB', 'CAJY'])}${rng.int(1000, 9999)}`;
  const row = (item: string, version: string, partNumber: string, serial: string, description: string): string =>
    `${item.padEnd(17)}${version.padEnd(9)}${partNumber.padEnd(13)}${serial.padEnd(18)}${description}`;
  return [
    'Hardware inventory:',
    row('Item', 'Version', 'Part number', 'Serial number', 'Description'),
    row('Chassis', '', '', serialOf(ctx.device), 'MX204'),
    row('Midplane', 'REV 25', '750-070866', part(), 'Midplane MX204'),
    row('Routing Engine 0', 'BUILTIN', 'BUILTIN', part(), 'RE-S-1600x8'),
    row('CB 0', 'BUILTIN', 'BUILTIN', '', 'Control Board'),
    row('FPC 0', 'BUILTIN', 'BUILTIN', '', 'MPC-MX204'),
    row('  PIC 0', 'BUILTIN', 'BUILTIN', '', '4XQSFP28 PIC'),
    row('  PIC 1', 'BUILTIN', 'BUILTIN', '', '8XSFPP PIC'),
    row('Power Supply 0', 'REV 03', '740-062866', part(), 'DC 650W PSU'),
    row('Fan Tray 0', 'REV 01', '760-069329', part(), 'Fan Module'),
  ].join('\n');
}

function showSystemUptime(ctx: ShellContext): string {
  const up = uptimeSecondsAt(ctx.device, ctx.now);
  const since = (at: Date): number => Math.max(0, Math.floor((ctx.now.getTime() - at.getTime()) / 1000));
  const u = durationParts(up);
  const hour12 = ((ctx.now.getUTCHours() + 11) % 12) + 1;
  return [
    `Current time: ${isoDateTime(ctx.now)} UTC`,
    'Time Source:  NTP CLOCK ',
    `System booted: ${isoDateTime(ctx.device.bootedAt)} UTC (${junosAgo(up)} ago)`,
    `Protocols started: ${isoDateTime(new Date(ctx.device.bootedAt.getTime() + 79_000))} UTC (${junosAgo(Math.max(0, up - 79))} ago)`,
    `Last configured: ${isoDateTime(ctx.state.changedAt)} UTC (${junosAgo(since(ctx.state.changedAt))} ago) by ${ctx.state.changedBy}`,
    `${String(hour12).padStart(2)}:${clockTime(ctx.now).slice(3, 5)}${ctx.now.getUTCHours() < 12 ? 'AM' : 'PM'}  up ${u.totalDays} days, ${String(u.hours).padStart(2)}:${String(u.minutes).padStart(2, '0')}, 1 user, load averages: 0.23, 0.31, 0.29`,
  ].join('\n');
}

/** SNMP ifIndex of the n-th physical port, as `show interfaces` prints it. */
export const junosSnmpIfIndex = (index: number): number => 520 + index;

/** 8 × 10G SFP+ towards hosts, 4 × 100G QSFP28. */
function junosInterfaces(device: LabDeviceIdentity): LabInterface[] {
  return junosPlan(device).ports.map((p) => ({
    name: p.name, speedMbps: p.name.startsWith('et-') ? 100_000 : 10_000, adminUp: p.role !== 'unused', description: p.description,
    mtu: p.role === 'uplink' ? 9192 : 1514, mac: p.mac,
  }));
}

function interfaceBlock(ctx: ShellContext, port: PlannedPort, link: LabInterface): string[] {
  const c = interfaceCounters(ctx, link);
  const status = linkStatus(ctx, link);
  const flapped = new Date(ctx.device.bootedAt.getTime() + status.lastChangeMillis);
  const sinceFlap = Math.max(0, Math.floor((ctx.now.getTime() - flapped.getTime()) / 1000));
  const transitions = link.adminUp ? 1 + (ctx.state.links?.[link.name]?.transitions ?? 0) : 0;
  const mac = formatMac(port.mac, 'colon');
  const num = (value: number | bigint, width = 19): string => String(value).padStart(width);
  const index = port.index;
  return [
    `Physical interface: ${port.name}, ${link.adminUp ? 'Enabled' : 'Administratively down'}, Physical link is ${c.operUp ? 'Up' : 'Down'}`,
    `  Interface index: ${150 + index}, SNMP ifIndex: ${junosSnmpIfIndex(index)}, Generation: ${153 + index}`,
    `  Description: ${descriptionOf(port, ctx.state.descriptions)}`,
    `  Link-level type: Ethernet, MTU: ${link.mtu}, LAN-PHY mode, Speed: ${link.speedMbps / 1000}Gbps, Duplex: Full-Duplex`,
    `  Current address: ${mac}, Hardware address: ${mac}`,
    `  Last flapped   : ${isoDateTime(flapped)} UTC (${junosAgo(sinceFlap)} ago)`,
    '  Statistics last cleared: Never',
    '  Traffic statistics:',
    `   Input  bytes  : ${num(c.inOctets)} ${num(c.inBitsPerSecond, 20)} bps`,
    `   Output bytes  : ${num(c.outOctets)} ${num(c.outBitsPerSecond, 20)} bps`,
    `   Input  packets: ${num(c.inPackets)} ${num(c.inPacketsPerSecond, 20)} pps`,
    `   Output packets: ${num(c.outPackets)} ${num(c.outPacketsPerSecond, 20)} pps`,
    '  Input errors:',
    `    Errors: ${c.inErrors}, Drops: ${c.inDrops}, Framing errors: ${c.crcErrors}, Runts: 0, Policed discards: 0, L3 incompletes: 0`,
    '  Output errors:',
    `    Carrier transitions: ${transitions}, Errors: ${c.outErrors}, Drops: ${c.outDrops}, Collisions: 0, Aged packets: 0, MTU errors: 0`,
    '',
  ];
}

const prompt = (ctx: ShellContext): string =>
  ctx.mode === CONFIGURATION ? `\n[edit]\n${ctx.username}@${ctx.device.name}# ` : `${ctx.username}@${ctx.device.name}> `;
const config = (ctx: ShellContext): string => renderJunosConfig(ctx.device, ctx.state, ctx.now).text;

const operational: CommandSpec[] = [
  { syntax: 'set cli screen-length <lines:int>', run: (a) => ({ output: `Screen length set to ${a['lines']}`, paging: a['lines'] !== '0' }) },
  { syntax: 'set cli screen-width <columns:int>', run: (a) => ({ output: `Screen width set to ${a['columns']}` }) },
  { syntax: 'set cli complete-on-space off', run: () => ({ output: 'Disabling complete-on-space' }) },
  { syntax: 'set cli complete-on-space on', run: () => ({ output: 'Enabling complete-on-space' }) },
  { syntax: 'sh[ow] conf[iguration]', run: (_a, ctx) => ({ output: config(ctx) }) },
  { syntax: 'sh[ow] ver[sion]', run: (_a, ctx) => ({ output: showVersion(ctx) }) },
  { syntax: 'sh[ow] chas[sis] h[ardware]', run: (_a, ctx) => ({ output: showChassisHardware(ctx) }) },
  { syntax: 'sh[ow] sys[tem] up[time]', run: (_a, ctx) => ({ output: showSystemUptime(ctx) }) },
  {
    syntax: ['sh[ow] int[erfaces] ext[ensive] <name?>', 'sh[ow] int[erfaces] <name> ext[ensive]', 'sh[ow] int[erfaces] stat[istics] <name?>'],
    run: (a, ctx) => {
      const links = junosInterfaces(ctx.device);
      const ports = portsNamed(junosPlan(ctx.device).ports, a['name']);
      return ports.length === 0 ? undefined : { output: ports.flatMap((p) => interfaceBlock(ctx, p, links[p.index])).join('\n') };
    },
  },
  { syntax: ['conf[igure]', 'conf[igure] e[xclusive]', 'conf[igure] p[rivate]'], run: () => ({ output: 'Entering configuration mode', mode: CONFIGURATION }) },
  { syntax: ['exit', 'quit'], run: () => ({ output: '', close: true }) },
];

const table: CommandTable = new CommandTable(
  [
    ...operational.map((c) => ({ ...c, modes: [OPERATIONAL] })),
    { syntax: 'sh[ow]', modes: [CONFIGURATION], run: (_a, ctx) => ({ output: config(ctx).replace('## Last commit:', '## Last changed:') }) },
    { syntax: 'run <command...>', modes: [CONFIGURATION], run: (a, ctx) => table.run(a['command'], { ...ctx, mode: OPERATIONAL }) },
    { syntax: 'com[mit]', modes: [CONFIGURATION], run: () => ({ output: 'commit complete' }) },
    { syntax: 'com[mit] a[nd-quit]', modes: [CONFIGURATION], run: () => ({ output: 'commit complete\nExiting configuration mode', mode: OPERATIONAL }) },
    { syntax: ['top', 'up'], modes: [CONFIGURATION], run: () => ({ output: '' }) },
    { syntax: ['exit', 'quit', 'exit configuration-mode'], modes: [CONFIGURATION], run: () => ({ output: 'Exiting configuration mode', mode: OPERATIONAL }) },
  ],
  [
    includePipe('m[atch] <pattern...>', 'i'),
    excludePipe('e[xcept] <pattern...>', 'i'),
    beginPipe('f[ind] <pattern...>'),
    countPipe('cou[nt]', (n) => `Count: ${n} lines`),
    noMorePipe('n[o-more]'),
    unchangedPipe('d[isplay] o[mit]'),
    transformPipe('d[isplay] s[et]', displaySet),
  ],
);

const cli = tableDrivenCli(() => table, prompt, {
  invalid: (tokenIndex) => (tokenIndex === 0 ? 'unknown command.' : 'syntax error, expecting <command>.'),
  incomplete: 'syntax error, expecting <command>.',
  caret: true,
});

/** Operational output ends with an empty line before the next prompt, as Junos prints it. */
function run(line: string, ctx: ShellContext): CommandResult | undefined {
  const result = cli.run(line, ctx);
  if (!result || result.output === '' || ctx.mode !== OPERATIONAL || result.mode === CONFIGURATION) return result;
  return { ...result, output: `${result.output}\n\n` };
}

export const juniperJunosPersona: Persona = {
  platform: 'juniper_junos',
  vendor: 'Juniper',
  sshIdent: 'OpenSSH_8.6',
  modes: [OPERATIONAL, CONFIGURATION],
  prompt,
  pagerPrompt: '---(more)---',
  pageLines: 24,
  motd: (ctx) => `Last login: ${isoDateTime(new Date(ctx.now.getTime() - 3_600_000))} UTC from 10.250.3.30\n--- JUNOS ${JUNOS_VERSION} Kernel 64-bit  JNPR-12.1-20230808.5d1c6d4_buil\n`,
  unknownCommand: cli.unknownCommand,
  run,
  renderConfig: renderJunosConfig,
  facts,
  interfaces: junosInterfaces,
};
