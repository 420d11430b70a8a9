import type { LabDeviceFacts, LabDeviceIdentity, LabInterface, Persona, ShellContext } from '../persona';
import { ciscoClock, ctime, durationParts, uptimeSecondsAt } from './clock-format';
import { NXOS_VERSION, nxosModelOf, nxosPlan, renderNxosConfig } from './cisco-nxos.config';
import { ciscoStyleModeCommands } from './cisco-style-cli';
import { CommandTable, tableDrivenCli } from './command-table';
import { interfaceCounters, portsNamed } from './interface-counters';
import { cidr } from './ipv4';
import { descriptionOf, formatMac, type PlannedPort } from './network-plan';
import { beginPipe, countPipe, excludePipe, includePipe, noMorePipe, sectionPipe } from './output-pipes';
import { SeededRandom, UPPER_ALPHANUMERIC } from './seeded-random';

/** Cisco NX-OS 9.3 on Nexus 9000: logins land privileged (role-based), no enable. */

const MODES = { privileged: 'privileged', config: 'config' } as const;

function serialOf(device: LabDeviceIdentity): string {
  const rng = SeededRandom.forDevice(device, 'serial');
  return `FDO${rng.int(20, 25)}${rng.int(10, 52)}${rng.chars(4, UPPER_ALPHANUMERIC)}`;
}

function facts(device: LabDeviceIdentity, now: Date): LabDeviceFacts {
  return {
    hostname: device.name, vendor: 'Cisco', model: nxosModelOf(device).pid, serial: serialOf(device),
    osVersion: NXOS_VERSION, uptimeSeconds: uptimeSecondsAt(device, now),
  };
}

function showVersion(ctx: ShellContext): string {
  const f = facts(ctx.device, ctx.now);
  const model = nxosModelOf(ctx.device);
  const u = durationParts(f.uptimeSeconds);
  return [
    'Cisco Nexus Operating System (NX-OS) Software',
    'TAC support: http://www.cisco.com/tac',
    'Copyright (C) 2002-2022, Cisco and/or its affiliates.',
    'All rights reserved.',
    '',
    'Software',
    '  BIOS: version 05.47',
    ` NXOS: version ${NXOS_VERSION}`,
    '  BIOS compile time:  04/28/2022',
    '  NXOS image file is: bootflash:///nxos.9.3.10.bin',
    '  NXOS compile time:  7/29/2022 12:00:00 [07/30/2022 05:36:53]',
    '',
    '',
    'Hardware',
    `  cisco Nexus9000 ${model.chassis} chassis `,
    '  Intel(R) Xeon(R) CPU  @ 1.80GHz with 24632252 kB of memory.',
    `  Processor Board ID ${f.serial}`,
    '',
    `  Device name: ${ctx.device.name}`,
    '  bootflash: 53298520 kB',
    `Kernel uptime is ${u.totalDays} day(s), ${u.hours} hour(s), ${u.minutes} minute(s), ${u.seconds} second(s)`,
    '',
    `Last reset at 235112 usecs after ${ctime(ctx.device.bootedAt)}`,
    '  Reason: Reset Requested by CLI command reload',
    `  System version: ${NXOS_VERSION}`,
    '  Service: ',
    '',
    'plugin',
    '  Core Plugin, Ethernet Plugin',
    '',
    'Active Package(s):',
  ].join('\n');
}

function showInventory(ctx: ShellContext): string {
  const model = nxosModelOf(ctx.device);
  const serial = serialOf(ctx.device);
  const row = (name: string, descr: string, pid: string, sn: string): string =>
    `NAME: "${name}",  DESCR: "${descr}"\nPID: ${pid.padEnd(20)},  VID: V03 ,  SN: ${sn}\n`;
  const psu = SeededRandom.forDevice(ctx.device, 'psu-serial');
  return [
    row('Chassis', `Nexus9000 ${model.chassis} chassis`, model.pid, serial),
    row('Slot 1', model.module, model.pid, serial),
    row('Power Supply 1', 'Nexus9000 650W AC PSU Port-side Intake', 'NXA-PAC-650W-PI', `ART${psu.int(2000, 2599)}${psu.chars(4, UPPER_ALPHANUMERIC)}`),
  ].join('\n');
}

function nxosInterfaces(device: LabDeviceIdentity): LabInterface[] {
  const model = nxosModelOf(device);
  return nxosPlan(device).ports.map((p) => ({
    name: p.name, speedMbps: model.speedGbps(p.name) * 1000, adminUp: p.role !== 'unused', description: p.description,
    mtu: p.role === 'uplink' ? 9216 : 1500, mac: p.mac,
  }));
}

function interfaceBlock(ctx: ShellContext, port: PlannedPort, link: LabInterface): string[] {
  const c = interfaceCounters(ctx, link);
  const up = link.adminUp;
  const speed = link.speedMbps / 1000;
  const mac = formatMac(port.mac, 'cisco');
  return [
    !up ? `${port.name} is down (Administratively down)` : c.operUp ? `${port.name} is up` : `${port.name} is down (Link not connected)`,
    `admin state is ${up ? 'up' : 'down'}, Dedicated Interface`,
    `  Hardware: 100/1000/10000/${speed * 1000} Ethernet, address: ${mac} (bia ${mac})`,
    `  Description: ${descriptionOf(port, ctx.state.descriptions)}`,
    ...(port.role === 'uplink' && port.address ? [`  Internet Address is ${cidr(port.address)}`] : []),
    `  MTU ${port.role === 'uplink' ? 9216 : 1500} bytes, BW ${speed * 1_000_000} Kbit , DLY 10 usec`,
    '  reliability 255/255, txload 1/255, rxload 1/255',
    '  Encapsulation ARPA, medium is broadcast',
    `  Port mode is ${port.role === 'uplink' ? 'routed' : 'access'}`,
    `  full-duplex, ${speed} Gb/s, media type is ${speed}G`,
    '  Last clearing of "show interface" counters never',
    `  30 seconds input rate ${c.inBitsPerSecond} bits/sec, ${c.inPacketsPerSecond} packets/sec`,
    `  30 seconds output rate ${c.outBitsPerSecond} bits/sec, ${c.outPacketsPerSecond} packets/sec`,
    '  RX',
    `    ${c.inPackets - c.inMulticast - c.inBroadcast} unicast packets  ${c.inMulticast} multicast packets  ${c.inBroadcast} broadcast packets`,
    `    ${c.inPackets} input packets  ${c.inOctets} bytes`,
    `    ${c.inErrors} input error  0 short frame  0 overrun   0 underrun  ${c.inDrops} ignored`,
    '  TX',
    `    ${c.outPackets} unicast packets  0 multicast packets  0 broadcast packets`,
    `    ${c.outPackets} output packets  ${c.outOctets} bytes`,
    `    ${c.outErrors} output error  0 collision  0 deferred  0 late collision`,
    '',
  ];
}

const prompt = (ctx: ShellContext): string => `${ctx.device.name}${ctx.mode === MODES.config ? '(config)' : ''}# `;
const exec = [MODES.privileged];

const table: CommandTable = new CommandTable(
  [
    ...ciscoStyleModeCommands(
      { modes: MODES, configBanner: 'Enter configuration commands, one per line. End with CNTL/Z.', widthRange: [24, 511] },
      () => table,
    ),
    { syntax: 'sh[ow] run[ning-config] <option?>', modes: exec, run: (a, ctx) =>
      a['option'] === undefined || 'all'.startsWith(a['option']) ? { output: renderNxosConfig(ctx.device, ctx.state, ctx.now).text } : undefined },
    { syntax: 'sh[ow] ver[sion]', modes: exec, run: (_a, ctx) => ({ output: showVersion(ctx) }) },
    { syntax: ['sh[ow] inv[entory]', 'sh[ow] inv[entory] all'], modes: exec, run: (_a, ctx) => ({ output: showInventory(ctx) }) },
    { syntax: 'sh[ow] clo[ck]', modes: exec, run: (_a, ctx) => ({ output: `${ciscoClock(ctx.now)}\nTime source is NTP` }) },
    {
      syntax: ['sh[ow] int[erface] <name?>', 'sh[ow] interfaces <name?>'],
      modes: exec,
      run: (a, ctx) => {
        const links = nxosInterfaces(ctx.device);
        const ports = portsNamed(nxosPlan(ctx.device).ports, a['name']);
        return ports.length === 0 ? undefined : { output: ports.flatMap((p) => interfaceBlock(ctx, p, links[p.index])).join('\n') };
      },
    },
  ],
  [
    includePipe('i[nclude] <pattern...>'),
    includePipe('grep <pattern...>'),
    includePipe('egrep <pattern...>'),
    excludePipe('ex[clude] <pattern...>'),
    beginPipe('b[egin] <pattern...>'),
    sectionPipe('sec[tion] <pattern...>'),
    countPipe('c[ount]', (n) => String(n)),
    noMorePipe('no-more'),
  ],
);

const cli = tableDrivenCli(() => table, prompt, {
  invalid: () => "% Invalid command at '^' marker.",
  incomplete: '% Incomplete command',
  caret: true,
});

export const ciscoNxosPersona: Persona = {
  platform: 'cisco_nxos',
  vendor: 'Cisco',
  sshIdent: 'OpenSSH_8.3',
  modes: [MODES.privileged, MODES.config],
  prompt,
  pagerPrompt: ' --More-- ',
  pageLines: 24,
  pagerErase: 'backspaces',
  motd: () => [
    '',
    'Cisco Nexus Operating System (NX-OS) Software',
    'TAC support: http://www.cisco.com/tac',
    'Copyright (C) 2002-2022, Cisco and/or its affiliates.',
    'All rights reserved.',
    '',
  ].join('\n'),
  unknownCommand: cli.unknownCommand,
  run: cli.run,
  renderConfig: renderNxosConfig,
  facts,
  interfaces: nxosInterfaces,
};
