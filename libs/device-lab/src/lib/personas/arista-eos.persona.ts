import type { LabDeviceFacts, LabDeviceIdentity, Persona, ShellContext } from '../persona';
import { ctime, durationParts, uptimeSecondsAt } from './clock-format';
import { EOS_VERSION, eosModelOf, eosPlan, renderEosConfig } from './arista-eos.config';
import { ciscoInterfaceBlock, ciscoStyleModeCommands, ciscoStylePrompt } from './cisco-style-cli';
import { CommandTable, tableDrivenCli } from './command-table';
import { portCounters, portsNamed } from './interface-counters';
import { cidr } from './ipv4';
import { descriptionOf, formatMac } from './network-plan';
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

function showInterfaces(ctx: ShellContext, name: string | undefined): string | undefined {
  const model = eosModelOf(ctx.device);
  const ports = portsNamed(eosPlan(ctx.device).ports, name);
  const seconds = uptimeSecondsAt(ctx.device, ctx.now);
  if (ports.length === 0) return undefined;
  return ports.flatMap((p) => {
    const speed = model.speedGbps(p.name);
    return ciscoInterfaceBlock({
      name: p.name, up: p.role !== 'unused', hardware: 'Ethernet', mac: formatMac(p.mac, 'cisco'), description: descriptionOf(p, ctx.state.descriptions),
      address: p.role === 'uplink' && p.address ? cidr(p.address) : undefined, mtu: p.role === 'uplink' ? 9214 : 1500, bandwidthKbit: speed * 1_000_000,
      duplexSpeed: `Full-duplex, ${speed}Gb/s, auto negotiation: off, uni-link: n/a`, counters: portCounters(ctx.device.name, p, seconds),
      statusSuffix: p.role === 'unused' ? '(disabled)' : '(connected)',
    });
  }).join('\n');
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
  enableSecret: eosEnableSecret,
};
