import type { CommandResult, LabDeviceFacts, LabDeviceIdentity, LabInterface, Persona, ShellContext } from '../persona';
import { clockTime, compactUptime, isoDate, uptimeSecondsAt } from './clock-format';
import { CommandTable, type CommandArgs } from './command-table';
import { interfaceCounters } from './interface-counters';
import {
  ROUTEROS_MODEL, ROUTEROS_VERSION, renderRouterOsConfig, renderRouterOsExport, routerOsIdentity, routerOsPlan,
} from './mikrotik-routeros.config';

/**
 * MikroTik RouterOS 7.16. No paging command: terminal options ride on the login name
 * (`admin+ct511w4098h`), `parseLoginUsername` reads them and the page height follows.
 */

const CLI = 'cli';

/** `admin+ct511w4098h` → `admin` with colours off, no autodetect, width 511, height 4098. */
export function parseMikrotikLogin(raw: string): { username: string; options: Record<string, string> } {
  const plus = raw.lastIndexOf('+');
  if (plus <= 0) return { username: raw, options: {} };
  const options: Record<string, string> = {};
  for (const [, value, unit, flag] of raw.slice(plus + 1).matchAll(/(\d+)([wh])|([cte])/g)) {
    if (unit) options[unit === 'w' ? 'width' : 'height'] = value;
    else if (flag === 'c') options['colors'] = 'off';
    else if (flag === 't') options['autodetect'] = 'off';
    else options['dumb'] = 'on';
  }
  return { username: raw.slice(0, plus), options };
}

function facts(device: LabDeviceIdentity, now: Date): LabDeviceFacts {
  return {
    hostname: device.name, vendor: 'MikroTik', model: ROUTEROS_MODEL, serial: routerOsIdentity(device).serial,
    osVersion: ROUTEROS_VERSION, uptimeSeconds: uptimeSecondsAt(device, now),
  };
}

/** RouterOS `print` of one item: names right-aligned before the colon. */
const properties = (rows: [string, string][]): string => {
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `${name.padStart(width + 2)}: ${value}`).join('\n');
};

const groupThousands = (value: number | bigint): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** ether1 is the management port in front of the planned ones; every port is 1G copper or SFP. */
function routerOsInterfaces(device: LabDeviceIdentity): LabInterface[] {
  const ports = routerOsPlan(device).ports;
  const management: LabInterface = { name: 'ether1', speedMbps: 1_000, adminUp: true, description: 'management', mtu: 1500, mac: ports[0].mac };
  return [management, ...ports.map((p) => ({
    name: p.name, speedMbps: 1_000, adminUp: p.role !== 'unused', description: p.description, mtu: p.role === 'uplink' ? 9000 : 1500, mac: p.mac,
  }))];
}

function interfaceStats(ctx: ShellContext): string {
  const rows = routerOsInterfaces(ctx.device).map((link) => {
    const c = interfaceCounters(ctx, link);
    return { name: link.name, up: c.operUp, c };
  });
  return [
    'Flags: R - RUNNING',
    'Columns: NAME, RX-BYTE, TX-BYTE, RX-PACKET, TX-PACKET, RX-DROP, TX-DROP, TX-QUEUE-DROP, RX-ERROR, TX-ERROR',
    ` #   ${'NAME'.padEnd(13)}${'RX-BYTE'.padStart(18)}${'TX-BYTE'.padStart(18)}${'RX-PACKET'.padStart(15)}${'TX-PACKET'.padStart(15)}  RX-DROP  TX-DROP  TX-QUEUE-DROP  RX-ERROR  TX-ERROR`,
    ...rows.map((r, i) => `${String(i).padStart(2)} ${r.up ? 'R' : ' '} ${r.name.padEnd(13)}${groupThousands(r.c.inOctets).padStart(18)}${groupThousands(r.c.outOctets).padStart(18)}`
      + `${groupThousands(r.c.inPackets).padStart(15)}${groupThousands(r.c.outPackets).padStart(15)}${String(r.c.inDrops).padStart(9)}${String(r.c.outDrops).padStart(9)}`
      + `${'0'.padStart(15)}${String(r.c.inErrors).padStart(10)}${String(r.c.outErrors).padStart(10)}`),
  ].join('\n');
}

function exportCommand(args: CommandArgs, ctx: ShellContext): CommandResult | undefined {
  const options = (args['options'] ?? '').split(/\s+/).filter((o) => o !== '');
  const known = ['show-sensitive', 'hide-sensitive', 'terse', 'compact', 'verbose'];
  if (options.some((o) => !known.includes(o))) return undefined;
  const showSensitive = options.includes('show-sensitive');
  return { output: renderRouterOsExport(ctx.device, ctx.state, ctx.now, { showSensitive, terse: options.includes('terse') }).text };
}

/** `print` prints without the pager when asked to. */
const printed = (output: string, args: CommandArgs): CommandResult | undefined => {
  const flags = (args['flags'] ?? '').split(/\s+/).filter((f) => f !== '');
  if (flags.some((f) => f !== 'without-paging')) return undefined;
  return flags.includes('without-paging') ? { output, unpaged: true } : { output };
};

const table = new CommandTable([
  { syntax: 'exp[ort] <options...?>', run: exportCommand },
  {
    syntax: 'sys[tem] res[ource] pr[int] <flags...?>',
    run: (a, ctx) => printed(properties([
      ['uptime', compactUptime(uptimeSecondsAt(ctx.device, ctx.now))], ['version', `${ROUTEROS_VERSION} (stable)`],
      ['build-time', '2024-11-26 08:20:26'], ['factory-software', '7.1'], ['free-memory', '3.2GiB'], ['total-memory', '4.0GiB'],
      ['cpu', 'ARM64'], ['cpu-count', '4'], ['cpu-frequency', '1700MHz'], ['cpu-load', '2%'], ['free-hdd-space', '95.6MiB'],
      ['total-hdd-space', '128.0MiB'], ['write-sect-since-reboot', '4821'], ['write-sect-total', '481234'], ['bad-blocks', '0%'],
      ['architecture-name', 'arm64'], ['board-name', ROUTEROS_MODEL], ['platform', 'MikroTik'],
    ]), a),
  },
  {
    syntax: 'sys[tem] routerb[oard] pr[int] <flags...?>',
    run: (a, ctx) => printed(properties([
      ['routerboard', 'yes'], ['board-name', ROUTEROS_MODEL], ['model', ROUTEROS_MODEL], ['serial-number', routerOsIdentity(ctx.device).serial],
      ['firmware-type', 'al2'], ['factory-firmware', '7.1'], ['current-firmware', ROUTEROS_VERSION], ['upgrade-firmware', ROUTEROS_VERSION],
    ]), a),
  },
  {
    syntax: 'sys[tem] cl[ock] pr[int] <flags...?>',
    run: (a, ctx) => printed(properties([
      ['time', clockTime(ctx.now)], ['date', isoDate(ctx.now)], ['time-zone-autodetect', 'no'], ['time-zone-name', 'UTC'], ['gmt-offset', '+00:00'], ['dst-active', 'no'],
    ]), a),
  },
  { syntax: 'sys[tem] ide[ntity] pr[int] <flags...?>', run: (a, ctx) => printed(properties([['name', ctx.device.name]]), a) },
  { syntax: 'int[erface] pr[int] st[ats] <flags...?>', run: (a, ctx) => printed(interfaceStats(ctx), a) },
  { syntax: 'q[uit]', run: () => ({ output: 'interrupted', close: true }) },
]);

/** RouterOS accepts `/system/resource/print` and `/system resource print`: path slashes read as spaces. */
const normalise = (line: string): string => line.replace(/^\S+/, (path) => path.replace(/\//g, ' '));

export const mikrotikRouterOsPersona: Persona = {
  platform: 'mikrotik_routeros',
  vendor: 'MikroTik',
  sshIdent: 'ROSSSH',
  parseLoginUsername: parseMikrotikLogin,
  modes: [CLI],
  prompt: (ctx) => `[${ctx.username}@${ctx.device.name}] > `,
  pagerPrompt: '-- [Q quit|D dump|down]',
  pageLines: 24,
  motd: () => `\n\n  MikroTik RouterOS ${ROUTEROS_VERSION} (c) 1999-2024       https://www.mikrotik.com/\n\n`,
  unknownCommand: (line, ctx) => {
    const normalised = normalise(line);
    const dispatched = table.dispatch(normalised, ctx);
    if (dispatched.kind === 'incomplete') return `expected command name (line 1 column ${dispatched.column + 1})\n`;
    const at = dispatched.kind === 'unknown' ? dispatched : { column: 0, token: line.split(/\s+/)[0] };
    // A known command followed by a word it does not take is an argument error, not a bad name.
    const commandBefore = table.dispatch(normalised.slice(0, at.column), ctx).kind === 'ran';
    return commandBefore
      ? `expected end of command (line 1 column ${at.column + 1})\n`
      : `bad command name ${at.token} (line 1 column ${at.column + 1})\n`;
  },
  run: (line, ctx) => table.run(normalise(line), ctx),
  renderConfig: renderRouterOsConfig,
  facts,
  interfaces: routerOsInterfaces,
};
