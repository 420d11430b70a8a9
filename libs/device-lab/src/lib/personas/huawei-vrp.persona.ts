import type { LabDeviceFacts, LabDeviceIdentity, LabInterface, Persona, ShellContext } from '../persona';
import { daysUptime, fullDayName, isoDateTime, uptimeSecondsAt } from './clock-format';
import { CommandTable, tableDrivenCli } from './command-table';
import { VRP_MODEL, VRP_RELEASE, VRP_VERSION, renderVrpConfig, vrpEsn, vrpPlan, vrpTime } from './huawei-vrp.config';
import { interfaceCounters, portsNamed } from './interface-counters';
import { cidr } from './ipv4';
import { descriptionOf, formatMac, type PlannedPort } from './network-plan';
import { beginPipe, countPipe, excludePipe, includePipe, noMorePipe } from './output-pipes';

/** Huawei VRP 8 on an NE40E: user view `<host>`, system view `[~host]`, no privilege step to read. */

const USER_VIEW = 'user-view';
const SYSTEM_VIEW = 'system-view';

function facts(device: LabDeviceIdentity, now: Date): LabDeviceFacts {
  return { hostname: device.name, vendor: 'Huawei', model: VRP_MODEL, serial: vrpEsn(device), osVersion: VRP_RELEASE, uptimeSeconds: uptimeSecondsAt(device, now) };
}

function displayVersion(ctx: ShellContext): string {
  return [
    'Huawei Versatile Routing Platform Software',
    `VRP (R) software, Version ${VRP_VERSION} (NE40E ${VRP_RELEASE})`,
    'Copyright (C) 2012-2022 Huawei Technologies Co., Ltd.',
    `HUAWEI ${VRP_MODEL} uptime is ${daysUptime(uptimeSecondsAt(ctx.device, ctx.now))}`,
    'Patch Version: V800R021SPH120',
    '',
    `${VRP_MODEL} version information:`,
    '',
    '- BKP  version information:',
    '  PCB         Version : CR57BKPA REV B',
    '  MPU  Slot  Quantity : 2',
    '  SRU  Slot  Quantity : 0',
    '  LPU  Slot  Quantity : 8',
  ].join('\n');
}

function displayDevice(): string {
  return [
    `${VRP_MODEL}'s Device status:`,
    'Slot #   Type   Online    Register     Status   Role',
    '-------------------------------------------------------------------------------',
    '1        LPU    Present   Registered   Normal   NA',
    '2        LPU    Present   Registered   Normal   NA',
    '9        MPU    Present   NA           Normal   Master',
    '10       MPU    Present   Registered   Normal   Slave',
  ].join('\n');
}

function vrpInterfaces(device: LabDeviceIdentity): LabInterface[] {
  return vrpPlan(device).ports.map((p) => ({
    name: p.name, speedMbps: p.name.startsWith('100GE') ? 100_000 : 1_000, adminUp: p.role !== 'unused', description: p.description,
    mtu: p.role === 'uplink' ? 9000 : 1500, mac: p.mac,
  }));
}

function interfaceBlock(ctx: ShellContext, port: PlannedPort, link: LabInterface): string[] {
  const c = interfaceCounters(ctx, link);
  const up = link.adminUp;
  const utilisation = (bps: number): string => `${((bps / (link.speedMbps * 1e6)) * 100).toFixed(2)}%`;
  return [
    `${port.name} current state : ${!up ? 'Administratively DOWN' : c.operUp ? 'UP' : 'DOWN'} (ifindex: ${17 + port.index})`,
    `Line protocol current state : ${c.operUp ? 'UP' : 'DOWN'}`,
    `Description: ${descriptionOf(port, ctx.state.descriptions)}`,
    `Route Port,The Maximum Transmit Unit is ${port.role === 'uplink' ? 9000 : 1500}`,
    ...(up && port.address ? [`Internet Address is ${cidr(port.address)}`] : []),
    `IP Sending Frames' Format is PKTFMT_ETHNT_2, Hardware address is ${formatMac(port.mac, 'huawei')}`,
    `Current system time: ${isoDateTime(ctx.now)}`,
    'Statistics last cleared:never',
    `    Last 300 seconds input rate: ${c.inBitsPerSecond} bits/sec, ${c.inPacketsPerSecond} packets/sec`,
    `    Last 300 seconds output rate: ${c.outBitsPerSecond} bits/sec, ${c.outPacketsPerSecond} packets/sec`,
    `    Input: ${c.inOctets} bytes, ${c.inPackets} packets`,
    `    Output: ${c.outOctets} bytes, ${c.outPackets} packets`,
    '    Input:',
    `      Unicast: ${c.inPackets - c.inMulticast - c.inBroadcast} packets, Multicast: ${c.inMulticast} packets`,
    `      Broadcast: ${c.inBroadcast} packets, JumboOctets: 0 packets`,
    `      CRC: ${c.crcErrors} packets, Symbol: 0 packets`,
    `      Overrun: 0 packets, InRangeLength: 0 packets`,
    `    Input bandwidth utilization  : ${utilisation(c.inBitsPerSecond)}`,
    `    Output bandwidth utilization : ${utilisation(c.outBitsPerSecond)}`,
    '',
  ];
}

const prompt = (ctx: ShellContext): string => (ctx.mode === SYSTEM_VIEW ? `[~${ctx.device.name}]` : `<${ctx.device.name}>`);
const anywhere = [USER_VIEW, SYSTEM_VIEW];

const table = new CommandTable(
  [
    {
      syntax: 'screen-length <lines:int> temp[orary]',
      modes: [USER_VIEW],
      run: (a) => ({ output: 'Info: The configuration takes effect on the current user terminal interface only.', paging: a['lines'] !== '0' }),
    },
    {
      syntax: 'screen-width <columns:int>',
      modes: [USER_VIEW],
      run: () => ({
        output: '',
        secretPrompt: {
          prompt: 'Warning: This operation will change the screen width of the current terminal. Continue? [Y/N]:',
          onSecret: (answer) => ({ output: /^y/i.test(answer) ? '' : 'Info: The operation was cancelled.' }),
        },
      }),
    },
    { syntax: ['dis[play] cu[rrent-configuration]', 'dis[play] cu[rrent-configuration] all'], modes: anywhere,
      run: (_a, ctx) => ({ output: renderVrpConfig(ctx.device, ctx.state, ctx.now).text }) },
    { syntax: 'dis[play] ver[sion]', modes: anywhere, run: (_a, ctx) => ({ output: displayVersion(ctx) }) },
    { syntax: 'dis[play] esn', modes: anywhere, run: (_a, ctx) => ({ output: `ESN of master: ${vrpEsn(ctx.device)}` }) },
    { syntax: 'dis[play] dev[ice]', modes: anywhere, run: () => ({ output: displayDevice() }) },
    { syntax: 'dis[play] cl[ock]', modes: anywhere, run: (_a, ctx) => ({ output: `${vrpTime(ctx.now)}\n${fullDayName(ctx.now)}\nTime Zone(DefaultZoneName) : UTC` }) },
    {
      syntax: 'dis[play] int[erface] <name?>',
      modes: anywhere,
      run: (a, ctx) => {
        const links = vrpInterfaces(ctx.device);
        const ports = portsNamed(vrpPlan(ctx.device).ports, a['name']);
        return ports.length === 0 ? undefined : { output: ports.flatMap((p) => interfaceBlock(ctx, p, links[p.index])).join('\n') };
      },
    },
    { syntax: 'sys[tem-view]', modes: [USER_VIEW], run: () => ({ output: 'Enter system view, return user view with return command.', mode: SYSTEM_VIEW }) },
    { syntax: ['q[uit]', 'ret[urn]'], modes: [SYSTEM_VIEW], run: () => ({ output: '', mode: USER_VIEW }) },
    { syntax: 'q[uit]', modes: [USER_VIEW], run: () => ({ output: '', close: true }) },
  ],
  [
    includePipe('i[nclude] <pattern...>'),
    excludePipe('e[xclude] <pattern...>'),
    beginPipe('b[egin] <pattern...>'),
    countPipe('c[ount]', (n) => `Total lines: ${n}.`),
    noMorePipe('no-more'),
  ],
);

const cli = tableDrivenCli(() => table, prompt, {
  invalid: () => "Error: Unrecognized command found at '^' position.",
  incomplete: "Error: Incomplete command found at '^' position.",
  caret: true,
});

export const huaweiVrpPersona: Persona = {
  platform: 'huawei_vrp',
  vendor: 'Huawei',
  sshIdent: 'HUAWEI-1.5',
  modes: [USER_VIEW, SYSTEM_VIEW],
  prompt,
  pagerPrompt: '  ---- More ----',
  pageLines: 24,
  motd: (ctx) => [
    '',
    'Info: The max number of VTY users is 21, the number of current VTY users online is 1, and total number of terminal users online is 1.',
    `      The current login time is ${vrpTime(ctx.now)}.`,
    '',
  ].join('\n'),
  unknownCommand: cli.unknownCommand,
  run: cli.run,
  renderConfig: renderVrpConfig,
  facts,
  interfaces: vrpInterfaces,
};
