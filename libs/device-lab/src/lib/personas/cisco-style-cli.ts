import type { CommandResult, LabDeviceIdentity } from '../persona';
import type { CommandSpec, CommandTable } from './command-table';
import type { InterfaceCounters } from './interface-counters';

/**
 * The mode handling IOS-like CLIs share (IOS, IOS-XE, EOS; NX-OS and XR without enable):
 * `enable` with a secret, `disable`, `configure terminal`, `end`, `exit`, `do`, and the
 * terminal length and width commands.
 */

export interface CiscoStyleModes {
  /** Where a login lands when the platform has an unprivileged level. */
  exec?: string;
  privileged: string;
  config: string;
}

export interface CiscoStyleOptions {
  modes: CiscoStyleModes;
  enableSecret?: (device: LabDeviceIdentity) => string;
  /** Printed by `configure terminal`. */
  configBanner: string;
  /** What `terminal length N` prints (EOS: `Pagination disabled.`). */
  lengthAnswer?: (lines: number) => string;
  /** What `terminal width N` prints. */
  widthAnswer?: (columns: number) => string;
  /** Accepted range of `terminal width`. */
  widthRange?: [number, number];
}

export const ACCESS_DENIED = '% Access denied';

export function ciscoStyleModeCommands(options: CiscoStyleOptions, table: () => CommandTable): CommandSpec[] {
  const { exec, privileged, config } = options.modes;
  const execModes = exec ? [exec, privileged] : [privileged];
  const [minWidth, maxWidth] = options.widthRange ?? [0, 512];
  const commands: CommandSpec[] = [
    {
      syntax: 'ter[minal] len[gth] <lines:int>',
      modes: execModes,
      run: (args) => {
        const lines = Number(args['lines']);
        return { output: options.lengthAnswer?.(lines) ?? '', paging: lines !== 0 };
      },
    },
    {
      syntax: 'ter[minal] w[idth] <columns:int>',
      modes: execModes,
      run: (args) => {
        const columns = Number(args['columns']);
        if (columns < minWidth || columns > maxWidth) return { output: `% Invalid input: width must be ${minWidth}-${maxWidth}` };
        return { output: options.widthAnswer?.(columns) ?? '' };
      },
    },
    { syntax: 'conf[igure] t[erminal]', modes: [privileged], run: () => ({ output: options.configBanner, mode: config }) },
    { syntax: ['end', 'exit'], modes: [config], run: () => ({ output: '', mode: privileged }) },
    { syntax: ['exit', 'logout', 'quit'], modes: execModes, run: () => ({ output: '', close: true }) },
    {
      syntax: 'do <command...>',
      modes: [config],
      run: (args, ctx) => table().run(args['command'], { ...ctx, mode: privileged }),
    },
  ];
  if (exec && options.enableSecret) {
    const secretOf = options.enableSecret;
    commands.push(
      {
        syntax: 'en[able]',
        modes: [exec],
        run: (_args, ctx): CommandResult => ({
          output: '',
          secretPrompt: {
            prompt: 'Password: ',
            onSecret: (secret) => (secret === secretOf(ctx.device) ? { output: '', mode: privileged } : { output: ACCESS_DENIED }),
          },
        }),
      },
      { syntax: 'en[able]', modes: [privileged], run: () => ({ output: '' }) },
      { syntax: 'disa[ble]', modes: [privileged], run: () => ({ output: '', mode: exec }) },
    );
  }
  return commands;
}

/** The usual `Hostname>` / `Hostname#` / `Hostname(config)#` prompt. */
export function ciscoStylePrompt(hostname: string, mode: string, modes: CiscoStyleModes): string {
  if (mode === modes.config) return `${hostname}(config)#`;
  return mode === modes.exec ? `${hostname}>` : `${hostname}#`;
}

export interface CiscoInterfaceView {
  name: string;
  /** Admin state: false prints `administratively down`. */
  up: boolean;
  hardware: string;
  mac: string;
  description: string;
  address?: string;
  mtu: number;
  bandwidthKbit: number;
  duplexSpeed: string;
  /** Their `operUp` says whether the line protocol is up. */
  counters: InterfaceCounters;
  /** `(connected)` after the line protocol on switches; `(notconnect)` replaces it while the link is down. */
  statusSuffix?: string;
}

/** One interface of `show interfaces` in the IOS shape, which XR prints nearly alike. */
export function ciscoInterfaceBlock(view: CiscoInterfaceView): string[] {
  const c = view.counters;
  const state = !view.up ? 'administratively down' : c.operUp ? 'up' : 'down';
  const protocol = c.operUp ? 'up' : 'down';
  const suffix = view.statusSuffix && view.up && !c.operUp ? '(notconnect)' : view.statusSuffix;
  return [
    `${view.name} is ${state}, line protocol is ${protocol}${suffix ? ` ${suffix}` : ''}`,
    `  Hardware is ${view.hardware}, address is ${view.mac} (bia ${view.mac})`,
    ...(view.description ? [`  Description: ${view.description}`] : []),
    ...(view.address ? [`  Internet address is ${view.address}`] : []),
    `  MTU ${view.mtu} bytes, BW ${view.bandwidthKbit} Kbit/sec, DLY 10 usec,`,
    `     reliability 255/255, txload 1/255, rxload 1/255`,
    `  Encapsulation ARPA, loopback not set`,
    `  ${view.duplexSpeed}`,
    `  Last clearing of "show interface" counters never`,
    `  Input queue: 0/75/${c.inDrops}/0 (size/max/drops/flushes); Total output drops: ${c.outDrops}`,
    `  5 minute input rate ${c.inBitsPerSecond} bits/sec, ${c.inPacketsPerSecond} packets/sec`,
    `  5 minute output rate ${c.outBitsPerSecond} bits/sec, ${c.outPacketsPerSecond} packets/sec`,
    `     ${c.inPackets} packets input, ${c.inOctets} bytes, 0 no buffer`,
    `     Received ${c.inBroadcast} broadcasts (${c.inMulticast} multicasts)`,
    `     0 runts, 0 giants, 0 throttles`,
    `     ${c.inErrors} input errors, ${c.crcErrors} CRC, 0 frame, 0 overrun, 0 ignored`,
    `     ${c.outPackets} packets output, ${c.outOctets} bytes, 0 underruns`,
    `     ${c.outErrors} output errors, 0 collisions, 1 interface resets`,
  ];
}
