import type { CommandResult, LabDeviceFacts, LabDeviceIdentity, LabInterface, Persona, ShellContext } from '../persona';
import { ciscoClock, ciscoUptime, uptimeSecondsAt, xrTimestamp } from './clock-format';
import { XR_VERSION, renderXrBody, renderXrConfig, xrModelOf, xrPlan } from './cisco-xr.config';
import { ciscoInterfaceBlock } from './cisco-style-cli';
import { CommandTable, tableDrivenCli, type CommandSpec } from './command-table';
import { interfaceCounters, portsNamed } from './interface-counters';
import { cidr } from './ipv4';
import { descriptionOf, formatMac } from './network-plan';
import { beginPipe, countPipe, excludePipe, includePipe } from './output-pipes';
import { SeededRandom, UPPER_ALPHANUMERIC } from './seeded-random';

/**
 * Cisco IOS XR 7.5 on ASR 9000. Every command's output starts with a timestamp line until
 * `terminal exec prompt no-timestamp`; that session setting lives in the mode name
 * (`exec` / `exec-no-timestamp`), the only per-session state the contract gives a persona.
 */

const EXEC = 'exec';
const CONFIG = 'config';
const NO_TIMESTAMP = '-no-timestamp';
const MODES = [EXEC, `${EXEC}${NO_TIMESTAMP}`, CONFIG, `${CONFIG}${NO_TIMESTAMP}`] as const;
const EXEC_MODES = [EXEC, `${EXEC}${NO_TIMESTAMP}`];
const CONFIG_MODES = [CONFIG, `${CONFIG}${NO_TIMESTAMP}`];

const timestamps = (mode: string): boolean => !mode.endsWith(NO_TIMESTAMP);
const baseMode = (mode: string): string => mode.replace(NO_TIMESTAMP, '');
const withTimestamps = (mode: string, on: boolean): string => `${baseMode(mode)}${on ? '' : NO_TIMESTAMP}`;
/** Moves to `base` (exec or config) keeping the session's timestamp setting. */
const moveTo = (ctx: ShellContext, base: string): string => withTimestamps(base, timestamps(ctx.mode));

function serialOf(device: LabDeviceIdentity, part: string): string {
  const rng = SeededRandom.forDevice(device, `serial/${part}`);
  return `${part === 'chassis' ? 'FOX' : 'FOC'}${rng.int(20, 25)}${rng.int(10, 52)}${rng.chars(4, UPPER_ALPHANUMERIC)}`;
}

function facts(device: LabDeviceIdentity, now: Date): LabDeviceFacts {
  return {
    hostname: device.name, vendor: 'Cisco', model: xrModelOf(device).model, serial: serialOf(device, 'chassis'),
    osVersion: XR_VERSION, uptimeSeconds: uptimeSecondsAt(device, now),
  };
}

function showVersion(ctx: ShellContext): string {
  const model = xrModelOf(ctx.device);
  return [
    `Cisco IOS XR Software, Version ${XR_VERSION}`,
    'Copyright (c) 2013-2022 by Cisco Systems, Inc.',
    '',
    'Build Information:',
    ' Built By     : ingonzal',
    ' Built On     : Thu Jun 16 11:18:09 PDT 2022',
    ' Built Host   : iox-ucs-029',
    ` Workspace    : /auto/srcarchive15/prod/${XR_VERSION}/asr9k-x64/ws`,
    ` Version      : ${XR_VERSION}`,
    ' Location     : /opt/cisco/XR/packages/',
    ` Label        : ${XR_VERSION}`,
    '',
    'cisco ASR9K Series (Intel 686 F6M14S4) processor with 12582912K bytes of memory.',
    'Intel 686 F6M14S4 processor at 2134MHz, Revision 2.174',
    model.chassis,
    '',
    `System uptime is ${ciscoUptime(uptimeSecondsAt(ctx.device, ctx.now))}`,
  ].join('\n');
}

function showInventory(ctx: ShellContext): string {
  const model = xrModelOf(ctx.device);
  const row = (name: string, descr: string, pid: string, sn: string): string => `NAME: "${name}", DESCR: "${descr}"\nPID: ${pid}, VID: V01, SN: ${sn}\n`;
  return [
    row('Rack 0', model.chassis, `${model.model}-AC-V2`, serialOf(ctx.device, 'chassis')),
    row('0/RSP0/CPU0', 'ASR9K Route Switch Processor with 440G/slot Fabric and 6GB', 'A9K-RSP440-SE', serialOf(ctx.device, 'rsp0')),
    row('0/0/CPU0', 'ASR 9000 10GE line card, Packet Transport Optimized', model.lineCard, serialOf(ctx.device, 'lc0')),
    row('0/1/CPU0', 'ASR 9000 100GE line card, Service Edge Optimized', 'A9K-4X100GE-SE', serialOf(ctx.device, 'lc1')),
  ].join('\n');
}

function xrInterfaces(device: LabDeviceIdentity): LabInterface[] {
  return xrPlan(device).ports.map((p) => ({
    name: p.name, speedMbps: p.name.startsWith('Hundred') ? 100_000 : 10_000, adminUp: p.role !== 'unused', description: p.description,
    mtu: p.role === 'uplink' ? 9230 : 1514, mac: p.mac,
  }));
}

function showInterfaces(ctx: ShellContext, name: string | undefined): CommandResult | undefined {
  const links = xrInterfaces(ctx.device);
  const ports = portsNamed(xrPlan(ctx.device).ports, name);
  if (ports.length === 0) return undefined;
  const blocks = ports.flatMap((p) => {
    const link = links[p.index];
    const hundred = link.speedMbps === 100_000;
    return ciscoInterfaceBlock({
      name: p.name, up: link.adminUp, hardware: hundred ? 'HundredGigE' : 'TenGigE', mac: formatMac(p.mac, 'cisco'),
      description: descriptionOf(p, ctx.state.descriptions), address: p.role !== 'unused' && p.address ? cidr(p.address) : undefined,
      mtu: link.mtu, bandwidthKbit: link.speedMbps * 1000,
      duplexSpeed: `Full-duplex, ${link.speedMbps}Mb/s, link type is force-up`, counters: interfaceCounters(ctx, link),
    });
  });
  return { output: blocks.join('\n') };
}

/** `show running-config [section]`: the whole configuration, or the top-level statements starting with `section`. */
function showRunning(ctx: ShellContext, section: string | undefined): CommandResult | undefined {
  const lines = renderXrBody(ctx.device, ctx.state).lines;
  if (!section) return { output: lines.join('\n') };
  const picked: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (!/^[ !]/.test(line) || line === '!') inside = line.startsWith(section);
    if (inside && line !== '!') picked.push(line);
  }
  return picked.length === 0 ? undefined : { output: picked.join('\n') };
}

const prompt = (ctx: ShellContext): string => `RP/0/RSP0/CPU0:${ctx.device.name}${baseMode(ctx.mode) === CONFIG ? '(config)' : ''}#`;

const commands: CommandSpec[] = [
  { syntax: 'ter[minal] len[gth] <lines:int>', modes: EXEC_MODES, run: (a) => ({ output: '', paging: a['lines'] !== '0' }) },
  { syntax: 'ter[minal] w[idth] <columns:int>', modes: EXEC_MODES, run: () => ({ output: '' }) },
  { syntax: 'ter[minal] exec prompt no-timestamp', modes: EXEC_MODES, run: (_a, ctx) => ({ output: '', mode: withTimestamps(ctx.mode, false) }) },
  { syntax: 'ter[minal] exec prompt timestamp', modes: EXEC_MODES, run: (_a, ctx) => ({ output: '', mode: withTimestamps(ctx.mode, true) }) },
  { syntax: ['conf[igure]', 'conf[igure] t[erminal]'], modes: EXEC_MODES, run: (_a, ctx) => ({ output: '', mode: moveTo(ctx, CONFIG) }) },
  { syntax: ['end', 'exit'], modes: CONFIG_MODES, run: (_a, ctx) => ({ output: '', mode: moveTo(ctx, EXEC) }) },
  { syntax: ['exit', 'logout', 'quit'], modes: EXEC_MODES, run: () => ({ output: '', close: true }) },
  { syntax: 'sh[ow] run[ning-config] <section...?>', modes: EXEC_MODES, run: (a, ctx) => showRunning(ctx, a['section']) },
  { syntax: 'sh[ow] ver[sion]', modes: EXEC_MODES, run: (_a, ctx) => ({ output: showVersion(ctx) }) },
  { syntax: ['sh[ow] inv[entory]', 'sh[ow] inv[entory] all'], modes: EXEC_MODES, run: (_a, ctx) => ({ output: showInventory(ctx) }) },
  { syntax: 'sh[ow] clo[ck]', modes: EXEC_MODES, run: (_a, ctx) => ({ output: ciscoClock(ctx.now) }) },
  { syntax: 'sh[ow] int[erfaces] <name?>', modes: EXEC_MODES, run: (a, ctx) => showInterfaces(ctx, a['name']) },
];

const table = new CommandTable(commands, [
  includePipe('i[nclude] <pattern...>'),
  excludePipe('e[xclude] <pattern...>'),
  beginPipe('b[egin] <pattern...>'),
  countPipe('c[ount]', (n) => `${n}`),
]);

const cli = tableDrivenCli(() => table, prompt, {
  invalid: () => "% Invalid input detected at '^' marker.",
  incomplete: '% Incomplete command.',
  caret: true,
});

/** While timestamps are on, exec commands print the time first, as XR does. */
function run(line: string, ctx: ShellContext): CommandResult | undefined {
  const result = cli.run(line, ctx);
  if (!result || !timestamps(ctx.mode) || baseMode(ctx.mode) !== EXEC || result.mode === withTimestamps(ctx.mode, false)) return result;
  return { ...result, output: result.output === '' ? xrTimestamp(ctx.now) : `${xrTimestamp(ctx.now)}\n${result.output}` };
}

export const ciscoXrPersona: Persona = {
  platform: 'cisco_xr',
  vendor: 'Cisco',
  sshIdent: 'Cisco-2.0',
  modes: MODES,
  prompt,
  pagerPrompt: ' --More-- ',
  pageLines: 24,
  pagerErase: 'backspaces',
  motd: () => '\n',
  unknownCommand: cli.unknownCommand,
  run,
  renderConfig: renderXrConfig,
  facts,
  interfaces: xrInterfaces,
};
