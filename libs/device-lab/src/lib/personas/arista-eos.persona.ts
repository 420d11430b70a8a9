import type { LabDeviceFacts, LabDeviceIdentity, LabInterface, Persona, ShellContext } from '../persona';
import { ctime, durationParts, uptimeSecondsAt } from './clock-format';
import { EOS_VERSION, eosModelOf, eosPlan, renderEosConfig } from './arista-eos.config';
import { ciscoStyleModeCommands, ciscoStylePrompt } from './cisco-style-cli';
import { CommandTable, tableDrivenCli } from './command-table';
import { interfaceCounters, linkStatus, portsNamed, type InterfaceCounters } from './interface-counters';
import { cidr } from './ipv4';
import { descriptionOf, formatMac, type PlannedPort } from './network-plan';
import { beginPipe, excludePipe, includePipe, noMorePipe, sectionPipe } from './output-pipes';
import { SeededRandom } from './seeded-random';

/** Arista EOS 4.28: IOS-like modes, enable with a password, keyboard-interactive SSH login by default. */

const MODES = { exec: 'exec', privileged: 'privileged', config: 'config' } as const;
const PRIVILEGE_REQUIRED = '% Invalid input (privileged mode required)';

export function eosEnableSecret(device: LabDeviceIdentity): string {
  return `en-${SeededRandom.forDevice(device, 'enable').chars(10)}`;
}

function serialOf(device: LabDeviceIdentity): string {
  const rng = SeededRandom.forDevice(device, 'serial');
  return `${rng.pick(['JPE', 'SSJ', 'HSH'])}${rng.int(17, 23)}${String(rng.int(0, 999999)).padStart(6, '0')}`;
}

function facts(device: LabDeviceIdentity, now: Date): LabDeviceFacts {
  return {
    hostname: device.name, vendor: 'Arista', model: eosModelOf(device).model, serial: serialOf(device),
    osVersion: EOS_VERSION, uptimeSeconds: uptimeSecondsAt(device, now),
  };
}

const plural = (value: number, unit: string): string => `${value} ${unit}${value === 1 ? '' : 's'}`;
const systemMac = (device: LabDeviceIdentity): string => formatMac(`444ca8${eosPlan(device).ports[0].mac.slice(6)}`, 'cisco');

function showVersion(ctx: ShellContext): string {
  const f = facts(ctx.device, ctx.now);
  const u = durationParts(f.uptimeSeconds);
  return [
    `Arista ${f.model}`,
    'Hardware version: 11.00',
    `Serial number: ${f.serial}`,
    `Hardware MAC address: ${systemMac(ctx.device)}`,
    `System MAC address: ${systemMac(ctx.device)}`,
    '',
    `Software image version: ${EOS_VERSION}`,
    'Architecture: x86_64',
    `Internal build version: ${EOS_VERSION}-28837868.4283M`,
    'Internal build ID: 0f1f1b29-4d25-4b7c-9a30-5d6a4e0c2b1e',
    'Image format version: 3.0',
    'Image optimization: Strata-4GB',
    '',
    `Uptime: ${plural(Math.floor(u.totalDays / 7), 'week')}, ${plural(u.totalDays % 7, 'day')}, ${plural(u.hours, 'hour')} and ${plural(u.minutes, 'minute')}`,
    'Total memory: 8098984 kB',
    'Free memory: 5234704 kB',
  ].join('\n');
}

function showInventory(ctx: ShellContext): string {
  const f = facts(ctx.device, ctx.now);
  return [
    'System information',
    '  Model                    Description',
    '  ------------------------ ----------------------------------------------------',
    `  ${f.model.padEnd(24)} ${eosModelOf(ctx.device).description}`,
    '',
    '  HW Version  Serial Number  Mfg Date   Epoch',
    '  ----------- -------------- ---------- -----',
    `  11.00       ${f.serial.padEnd(14)} 2021-03-18 01.00`,
  ].join('\n');
}

/** Front ports at the model's speed; MTU 9214 on routed uplinks as EOS prints it. */
function eosInterfaces(device: LabDeviceIdentity): LabInterface[] {
  const model = eosModelOf(device);
  return eosPlan(device).ports.map((p) => ({
    name: p.name, speedMbps: model.speedGbps(p.name) * 1000, adminUp: p.role !== 'unused', description: p.description,
    mtu: p.role === 'uplink' ? 9214 : 1500, mac: p.mac,
  }));
}

/** `12.3 Mbps`: three significant digits and a unit, as EOS prints rates. */
function eosRate(bitsPerSecond: number): string {
  const units: [number, string][] = [[1e9, 'Gbps'], [1e6, 'Mbps'], [1e3, 'kbps']];
  const [scale, unit] = units.find(([size]) => bitsPerSecond >= size) ?? [1, 'bps'];
  return scale === 1 ? `${bitsPerSecond} bps` : `${(bitsPerSecond / scale).toPrecision(3)} ${unit}`;
}

/** `Up 3 days, 4 hours, 12 minutes, 50 seconds` */
function eosDuration(totalSeconds: number): string {
  const u = durationParts(totalSeconds);
  return [plural(u.totalDays, 'day'), plural(u.hours, 'hour'), plural(u.minutes, 'minute'), plural(u.seconds, 'second')].join(', ');
}

/** One interface of EOS `show interfaces`: IOS-like head, EOS's own counter lines. */
function eosInterfaceBlock(ctx: ShellContext, p: PlannedPort, link: LabInterface, c: InterfaceCounters): string[] {
  const status = linkStatus(ctx, link);
  const head = !link.adminUp ? 'is administratively down, line protocol is down (disabled)'
    : c.operUp ? 'is up, line protocol is up (connected)' : 'is down, line protocol is down (notconnect)';
  const sinceChange = Math.max(0, Math.floor((ctx.now.getTime() - ctx.device.bootedAt.getTime() - status.lastChangeMillis) / 1000));
  const transitions = ctx.state.links?.[link.name]?.transitions ?? 0;
  const mac = formatMac(p.mac, 'cisco');
  const share = (bps: number): string => `${((bps / (link.speedMbps * 1e6)) * 100).toFixed(1)}%`;
  return [
    `${p.name} ${head}`,
    `  Hardware is Ethernet, address is ${mac} (bia ${mac})`,
    `  Description: ${descriptionOf(p, ctx.state.descriptions)}`,
    ...(p.role === 'uplink' && p.address ? [`  Internet address is ${cidr(p.address)}`, '  Broadcast address is 255.255.255.255', `  IP MTU ${link.mtu} bytes , BW ${link.speedMbps * 1000} kbit`]
      : [`  Ethernet MTU ${link.mtu} bytes , BW ${link.speedMbps * 1000} kbit`]),
    `  Full-duplex, ${link.speedMbps / 1000}Gb/s, auto negotiation: off, uni-link: n/a`,
    ...(link.adminUp ? [`  ${c.operUp ? 'Up' : 'Down'} ${eosDuration(sinceChange)}`] : []),
    '  Loopback Mode : None',
    `  ${link.adminUp ? 2 + transitions : 0} link status changes since last clear`,
    '  Last clearing of "show interface" counters never',
    `  5 minutes input rate ${eosRate(c.inBitsPerSecond)} (${share(c.inBitsPerSecond)} with framing overhead), ${c.inPacketsPerSecond} packets/sec`,
    `  5 minutes output rate ${eosRate(c.outBitsPerSecond)} (${share(c.outBitsPerSecond)} with framing overhead), ${c.outPacketsPerSecond} packets/sec`,
    `     ${c.inPackets} packets input, ${c.inOctets} bytes`,
    `     Received ${c.inBroadcast} broadcasts, ${c.inMulticast} multicast`,
    '     0 runts, 0 giants',
    `     ${c.inErrors} input errors, ${c.crcErrors} CRC, 0 alignment, 0 symbol, ${c.inDrops} input discards`,
    '     0 PAUSE input',
    `     ${c.outPackets} packets output, ${c.outOctets} bytes`,
    '     Sent 0 broadcasts, 0 multicast',
    `     ${c.outErrors} output errors, 0 collisions`,
    `     0 late collision, 0 deferred, ${c.outDrops} output discards`,
    '     0 PAUSE output',
  ];
}

function showInterfaces(ctx: ShellContext, name: string | undefined): string | undefined {
  const links = eosInterfaces(ctx.device);
  const ports = portsNamed(eosPlan(ctx.device).ports, name);
  if (ports.length === 0) return undefined;
  return ports.flatMap((p) => eosInterfaceBlock(ctx, p, links[p.index], interfaceCounters(ctx, links[p.index]))).join('\n');
}

const prompt = (ctx: ShellContext): string => ciscoStylePrompt(ctx.device.name, ctx.mode, MODES);
const anywhere = [MODES.exec, MODES.privileged];

const table: CommandTable = new CommandTable(
  [
    ...ciscoStyleModeCommands(
      {
        modes: MODES, enableSecret: eosEnableSecret, configBanner: '', widthRange: [10, 32767],
        lengthAnswer: (lines) => (lines === 0 ? 'Pagination disabled.' : `Pagination set to ${lines} lines.`),
        widthAnswer: (columns) => `Width set to ${columns} columns.`,
      },
      () => table,
    ),
    { syntax: 'sh[ow] run[ning-config]', modes: [MODES.privileged], run: (_a, ctx) => ({ output: renderEosConfig(ctx.device, ctx.state, ctx.now).text }) },
    { syntax: ['sh[ow] run[ning-config]', 'conf[igure] <how...?>'], modes: [MODES.exec], run: () => ({ output: PRIVILEGE_REQUIRED }) },
    { syntax: 'sh[ow] ver[sion]', modes: anywhere, run: (_a, ctx) => ({ output: showVersion(ctx) }) },
    { syntax: 'sh[ow] hostn[ame]', modes: anywhere, run: (_a, ctx) => ({ output: `Hostname: ${ctx.device.name}\nFQDN:     ${ctx.device.name}.${eosPlan(ctx.device).domain}` }) },
    { syntax: 'sh[ow] inv[entory]', modes: anywhere, run: (_a, ctx) => ({ output: showInventory(ctx) }) },
    { syntax: 'sh[ow] clo[ck]', modes: anywhere, run: (_a, ctx) => ({ output: `${ctime(ctx.now)}\nTimezone: UTC\nClock source: NTP server (10.250.0.11)` }) },
    { syntax: 'sh[ow] int[erfaces] <name?>', modes: anywhere, run: (a, ctx) => {
      const output = showInterfaces(ctx, a['name']);
      return output === undefined ? undefined : { output };
    } },
  ],
  [
    includePipe('i[nclude] <pattern...>'),
    excludePipe('e[xclude] <pattern...>'),
    beginPipe('b[egin] <pattern...>'),
    sectionPipe('s[ection] <pattern...>'),
    noMorePipe('no-more'),
  ],
);

const cli = tableDrivenCli(() => table, prompt, { invalid: () => '% Invalid input', incomplete: '% Incomplete command', caret: false });

export const aristaEosPersona: Persona = {
  platform: 'arista_eos',
  vendor: 'Arista',
  sshIdent: 'OpenSSH_8.7',
  authMethods: ['keyboard-interactive'],
  modes: [MODES.exec, MODES.privileged, MODES.config],
  prompt,
  pagerPrompt: ' --More-- ',
  pageLines: 24,
  motd: (ctx) => `Last login: ${ctime(new Date(ctx.now.getTime() - 3_600_000))} from 10.250.3.30\n`,
  unknownCommand: cli.unknownCommand,
  run: cli.run,
  renderConfig: renderEosConfig,
  facts,
  interfaces: eosInterfaces,
  enableSecret: eosEnableSecret,
};
