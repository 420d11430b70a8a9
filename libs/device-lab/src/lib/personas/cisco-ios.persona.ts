import type { LabDeviceFacts, LabDeviceIdentity, LabInterface, LabPlatform, Persona, ShellContext } from '../persona';
import { ciscoDateTime, ciscoClock, ciscoUptime, uptimeSecondsAt } from './clock-format';
import { iosModelOf, iosPlan, renderIosConfig, type IosModel } from './cisco-ios.config';
import { ciscoInterfaceBlock, ciscoStyleModeCommands, ciscoStylePrompt } from './cisco-style-cli';
import { CommandTable, tableDrivenCli } from './command-table';
import { interfaceCounters, portsNamed } from './interface-counters';
import { descriptionOf, formatMac } from './network-plan';
import { beginPipe, countPipe, excludePipe, includePipe, sectionPipe } from './output-pipes';
import { SeededRandom, UPPER_ALPHANUMERIC } from './seeded-random';

/** Cisco IOS 15 (Catalyst 3750-X / 3560-X) and IOS-XE 17 (Catalyst 9300): same CLI, other version text. */

const MODES = { exec: 'exec', privileged: 'privileged', config: 'config' } as const;

export function iosEnableSecret(device: LabDeviceIdentity): string {
  return `en-${SeededRandom.forDevice(device, 'enable').chars(10)}`;
}

function serialOf(device: LabDeviceIdentity): string {
  const rng = SeededRandom.forDevice(device, 'serial');
  return `${rng.pick(['FDO', 'FOC', 'FCW'])}${rng.int(20, 25)}${rng.int(10, 52)}${rng.chars(4, UPPER_ALPHANUMERIC)}`;
}

function facts(device: LabDeviceIdentity, now: Date): LabDeviceFacts {
  const model = iosModelOf(device);
  return { hostname: device.name, vendor: 'Cisco', model: model.model, serial: serialOf(device), osVersion: model.version, uptimeSeconds: uptimeSecondsAt(device, now) };
}

function softwareLines(model: IosModel): string[] {
  if (!model.xe) {
    const family = model.model.startsWith('WS-C3750') ? 'C3750E' : 'C3560E';
    return [
      `Cisco IOS Software, ${family} Software (${family}-UNIVERSALK9-M), Version ${model.version}, RELEASE SOFTWARE (fc2)`,
      'Technical Support: http://www.cisco.com/techsupport',
      'Copyright (c) 1986-2020 by Cisco Systems, Inc.',
      'Compiled Tue 31-Mar-20 21:02 by prod_rel_team',
      '',
      `ROM: Bootstrap program is ${family} boot loader`,
      `BOOTLDR: ${family} Boot Loader (${family.replace('E', 'X')}-HBOOT-M) Version 15.2(3r)E, RELEASE SOFTWARE (fc1)`,
    ];
  }
  return [
    'Cisco IOS XE Software, Version 17.09.04a',
    `Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version ${model.version}, RELEASE SOFTWARE (fc3)`,
    'Technical Support: http://www.cisco.com/techsupport',
    'Copyright (c) 1986-2023 by Cisco Systems, Inc.',
    'Compiled Fri 20-Oct-23 10:44 by mcpre',
    '',
    'Cisco IOS-XE software, Copyright (c) 2005-2023 by cisco Systems, Inc.',
    'All rights reserved.  Certain components of Cisco IOS-XE software are',
    'licensed under the GNU General Public License ("GPL") Version 2.0.',
    '',
    'ROM: IOS-XE ROMMON',
    'BOOTLDR: System Bootstrap, Version 17.9.1r[FC2], RELEASE SOFTWARE (P)',
  ];
}

function showVersion(ctx: ShellContext): string {
  const { device, now } = ctx;
  const model = iosModelOf(device);
  const f = facts(device, now);
  const gig = model.ports.filter((p) => p.startsWith('Gigabit')).length;
  const ten = model.ports.length - gig;
  const image = model.xe ? 'flash:packages.conf' : `flash:${model.model.startsWith('WS-C3750') ? 'c3750e' : 'c3560e'}-universalk9-mz.152-4.E10.bin`;
  const cpu = model.xe ? 'cisco %s (X86) processor with 1419036K/6147K bytes of memory.' : 'cisco %s (PowerPC405) processor (revision W0) with 262144K bytes of memory.';
  return [
    ...softwareLines(model),
    '',
    `${device.name} uptime is ${ciscoUptime(f.uptimeSeconds)}`,
    'System returned to ROM by power-on',
    `System restarted at ${ciscoDateTime(device.bootedAt)}`,
    `System image file is "${image}"`,
    'Last reload reason: power-on',
    '',
    cpu.replace('%s', model.model),
    `Processor board ID ${f.serial}`,
    `${gig} Gigabit Ethernet interfaces`,
    `${ten} Ten Gigabit Ethernet interfaces`,
    '2048K bytes of flash-simulated non-volatile configuration memory.',
    '',
    `Model number                    : ${model.pid}`,
    `System serial number            : ${f.serial}`,
    '',
    'Switch Ports Model              SW Version        SW Image',
    '------ ----- -----              ----------        ----------',
    `*    1 ${String(model.ports.length + 1).padEnd(5)} ${model.model.padEnd(18)} ${model.version.padEnd(17)} ${model.xe ? 'CAT9K_IOSXE' : 'UNIVERSALK9-M'}`,
    '',
    `Configuration register is ${model.xe ? '0x102' : '0xF'}`,
  ].join('\n');
}

function showInventory(ctx: ShellContext): string {
  const model = iosModelOf(ctx.device);
  const serial = serialOf(ctx.device);
  const psu = SeededRandom.forDevice(ctx.device, 'psu-serial');
  const row = (name: string, descr: string, pid: string, sn: string): string =>
    `NAME: "${name}", DESCR: "${descr}"\nPID: ${pid.padEnd(18)}, VID: V02  , SN: ${sn}\n`;
  return [
    ...(model.xe ? [row('c93xx Stack', 'c93xx Stack', model.pid, serial)] : []),
    row(model.xe ? 'Switch 1' : '1', model.model, model.pid, serial),
    row('Switch 1 - Power Supply A', 'Switch 1 - Power Supply A', model.xe ? 'PWR-C1-715WAC' : 'C3KX-PWR-715WAC', `LIT${psu.int(20, 25)}${psu.chars(5, UPPER_ALPHANUMERIC)}`),
  ].join('\n');
}

/** The front ports: 1G copper, 10G SFP+ uplink modules. */
function iosInterfaces(device: LabDeviceIdentity): LabInterface[] {
  return iosPlan(device).ports.map((p) => ({
    name: p.name, speedMbps: p.name.startsWith('Ten') ? 10_000 : 1_000, adminUp: p.role !== 'unused', description: p.description,
    mtu: p.role === 'uplink' ? 9198 : 1500, mac: p.mac,
  }));
}

function showInterfaces(ctx: ShellContext, name: string | undefined): string | undefined {
  const plan = iosPlan(ctx.device);
  const links = iosInterfaces(ctx.device);
  const ports = portsNamed(plan.ports, name);
  if (ports.length === 0) return undefined;
  return ports.flatMap((p) => {
    const link = links[p.index];
    const ten = link.speedMbps === 10_000;
    return ciscoInterfaceBlock({
      name: p.name, up: link.adminUp, mac: formatMac(p.mac, 'cisco'), description: descriptionOf(p, ctx.state.descriptions),
      hardware: ten ? 'Ten Gigabit Ethernet' : 'Gigabit Ethernet', mtu: link.mtu,
      address: p.role === 'uplink' && p.address ? `${p.address.address}/${p.address.prefixLength}` : undefined,
      bandwidthKbit: link.speedMbps * 1000, duplexSpeed: ten ? 'Full-duplex, 10Gb/s, media type is SFP-10GBase-SR' : 'Full-duplex, 1000Mb/s, media type is 10/100/1000BaseTX',
      counters: interfaceCounters(ctx, link), statusSuffix: link.adminUp ? '(connected)' : '(disabled)',
    });
  }).join('\n');
}

const prompt = (ctx: ShellContext): string => ciscoStylePrompt(ctx.device.name, ctx.mode, MODES);
const anywhere = [MODES.exec, MODES.privileged];

const table: CommandTable = new CommandTable(
  [
    ...ciscoStyleModeCommands(
      { modes: MODES, enableSecret: iosEnableSecret, configBanner: 'Enter configuration commands, one per line.  End with CNTL/Z.' },
      () => table,
    ),
    {
      // `view full` is what read-only RBAC users need (Oxidized's ios_rbac); nothing else may follow.
      syntax: ['sh[ow] run[ning-config]', 'sh[ow] run[ning-config] v[iew] f[ull]'],
      modes: [MODES.privileged],
      run: (_a, ctx) => ({ output: renderIosConfig(ctx.device, ctx.state, ctx.now).text }),
    },
    { syntax: 'sh[ow] ver[sion]', modes: anywhere, run: (_a, ctx) => ({ output: showVersion(ctx) }) },
    { syntax: 'sh[ow] inv[entory]', modes: anywhere, run: (_a, ctx) => ({ output: showInventory(ctx) }) },
    { syntax: 'sh[ow] clo[ck]', modes: anywhere, run: (_a, ctx) => ({ output: ciscoClock(ctx.now) }) },
    {
      syntax: 'sh[ow] int[erfaces] <name?>',
      modes: anywhere,
      run: (a, ctx) => {
        const output = showInterfaces(ctx, a['name']);
        return output === undefined ? undefined : { output };
      },
    },
  ],
  [
    includePipe('i[nclude] <pattern...>'),
    excludePipe('e[xclude] <pattern...>'),
    beginPipe('b[egin] <pattern...>'),
    sectionPipe('s[ection] <pattern...>'),
    countPipe('c[ount] <pattern...?>', (n) => `Number of lines which match regexp = ${n}`),
  ],
);

const cli = tableDrivenCli(() => table, prompt, {
  invalid: () => "% Invalid input detected at '^' marker.",
  incomplete: '% Incomplete command.',
  caret: true,
});

function iosFamily(platform: LabPlatform): Persona {
  return {
    platform,
    vendor: 'Cisco',
    sshIdent: 'Cisco-1.25',
    modes: [MODES.exec, MODES.privileged, MODES.config],
    prompt,
    pagerPrompt: ' --More-- ',
    pageLines: 24,
    pagerErase: 'backspaces',
    motd: (ctx) => `\n${iosPlan(ctx.device).banner.join('\n')}\n\n`,
    unknownCommand: cli.unknownCommand,
    run: cli.run,
    renderConfig: renderIosConfig,
    facts,
    interfaces: iosInterfaces,
    enableSecret: iosEnableSecret,
  };
}

export const ciscoIosPersona: Persona = iosFamily('cisco_ios');
export const ciscoXePersona: Persona = iosFamily('cisco_xe');
