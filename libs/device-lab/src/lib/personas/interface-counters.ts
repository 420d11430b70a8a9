import type { LabDeviceIdentity, LabDeviceState, LabInterface } from '../persona';
import { SeededRandom } from './seeded-random';

/**
 * The one counter model of the lab: what a port has counted, as a function of (device,
 * interface, milliseconds the link has been up since boot). The CLI personas and the SNMP
 * agent both read it, so `show interfaces` and ifHCInOctets agree at the same instant.
 *
 * Every port runs at its own steady byte rate, a whole number of bytes per second, so a
 * counter moves by exactly `rate × seconds` over whole seconds; octets are BigInt so they
 * stay exact beyond 2^53 (a busy 100G port passes it within days). About one port in eight
 * runs near line rate: on 1G that wraps a 32-bit ifInOctets every ~36 s.
 */
export interface InterfaceCounters {
  /** Oper status: admin up and not flapped down by the interface knob. */
  operUp: boolean;
  inOctets: bigint;
  outOctets: bigint;
  /** All packets received (unicast, multicast and broadcast). */
  inPackets: number;
  /** All packets sent; the lab sends unicast only. */
  outPackets: number;
  inMulticast: number;
  inBroadcast: number;
  inErrors: number;
  outErrors: number;
  crcErrors: number;
  inDrops: number;
  outDrops: number;
  inBitsPerSecond: number;
  outBitsPerSecond: number;
  inPacketsPerSecond: number;
  outPacketsPerSecond: number;
}

/** The instant and device state counters are read at; a `ShellContext` is one. */
export interface CounterView {
  device: Pick<LabDeviceIdentity, 'name' | 'bootedAt'>;
  state: Pick<LabDeviceState, 'links'>;
  now: Date;
}

/** The port facts the model needs: which port, how fast, shut or not. */
export type CountedLink = Pick<LabInterface, 'name' | 'speedMbps' | 'adminUp'>;

/** The steady traffic of one port, fixed by (device, interface, speed). */
export interface TrafficProfile {
  inBytesPerSecond: number;
  outBytesPerSecond: number;
  inPacketBytes: number;
  outPacketBytes: number;
  inErrorsPerDay: number;
}

export interface LinkStatus {
  operUp: boolean;
  /** Milliseconds the link has been up since boot: what the counters count. */
  upMillis: number;
  /** Milliseconds after boot of the last up/down change (ifLastChange). */
  lastChangeMillis: number;
}

/** Share of ports that run near line rate. */
const HOT_PORT_SHARE = 0.125;
/** Before any flap, links come up this long after boot (Junos prints it as "Last flapped"). */
export const LINK_UP_AFTER_BOOT_MS = 120_000;
const MS_PER_DAY = 86_400_000;

export function trafficProfile(deviceName: string, link: Pick<CountedLink, 'name' | 'speedMbps'>): TrafficProfile {
  const rng = new SeededRandom(`counters/${deviceName}/${link.name}`);
  const lineBytesPerSecond = link.speedMbps * 125_000;
  const hot = rng.chance(HOT_PORT_SHARE);
  // Hot ports at 80-97% of line rate; the others log-uniform from 0.001% to 5%.
  const utilisation = hot ? 0.8 + rng.next() * 0.17 : 10 ** (-5 + rng.next() * 3.7);
  const inBytesPerSecond = Math.max(1, Math.round(lineBytesPerSecond * utilisation));
  const outShare = 0.3 + rng.next() * 1.4;
  const outBytesPerSecond = Math.max(1, Math.min(Math.round(inBytesPerSecond * outShare), Math.round(lineBytesPerSecond * 0.98)));
  return {
    inBytesPerSecond,
    outBytesPerSecond,
    inPacketBytes: rng.int(180, 1200),
    outPacketBytes: rng.int(180, 1200),
    inErrorsPerDay: rng.chance(0.25) ? rng.int(1, 40) : 0,
  };
}

/** Whether the link is up now, and for how long it has been up since boot. */
export function linkStatus(view: CounterView, link: Pick<CountedLink, 'name' | 'adminUp'>): LinkStatus {
  const bootMs = view.device.bootedAt.getTime();
  const elapsed = Math.max(0, view.now.getTime() - bootMs);
  const history = view.state.links?.[link.name];
  if (!link.adminUp) return { operUp: false, upMillis: 0, lastChangeMillis: 0 };
  if (!history) return { operUp: true, upMillis: elapsed, lastChangeMillis: Math.min(elapsed, LINK_UP_AFTER_BOOT_MS) };
  const downSince = history.downSince ? Math.max(history.downSince.getTime(), bootMs) : undefined;
  const downNow = downSince === undefined ? 0 : Math.max(0, view.now.getTime() - downSince);
  return {
    operUp: history.downSince === undefined,
    upMillis: Math.max(0, elapsed - history.downMs - downNow),
    lastChangeMillis: Math.min(elapsed, Math.max(0, history.changedAt.getTime() - bootMs)),
  };
}

export function interfaceCounters(view: CounterView, link: CountedLink): InterfaceCounters {
  const status = linkStatus(view, link);
  if (!link.adminUp) return { ...ZERO, operUp: false };
  const profile = trafficProfile(view.device.name, link);
  const upMillis = BigInt(status.upMillis);
  const inOctets = (BigInt(profile.inBytesPerSecond) * upMillis) / 1000n;
  const outOctets = (BigInt(profile.outBytesPerSecond) * upMillis) / 1000n;
  const inPackets = Number(inOctets / BigInt(profile.inPacketBytes));
  const inErrors = Math.floor((profile.inErrorsPerDay * status.upMillis) / MS_PER_DAY);
  const flowing = status.operUp ? 1 : 0;
  return {
    operUp: status.operUp,
    inOctets,
    outOctets,
    inPackets,
    outPackets: Number(outOctets / BigInt(profile.outPacketBytes)),
    inMulticast: Math.floor(inPackets * 0.02),
    inBroadcast: Math.floor(inPackets * 0.005),
    inErrors,
    outErrors: 0,
    crcErrors: Math.floor(inErrors * 0.8),
    inDrops: Math.floor(inErrors / 2),
    outDrops: 0,
    inBitsPerSecond: flowing * profile.inBytesPerSecond * 8,
    outBitsPerSecond: flowing * profile.outBytesPerSecond * 8,
    inPacketsPerSecond: flowing * Math.round(profile.inBytesPerSecond / profile.inPacketBytes),
    outPacketsPerSecond: flowing * Math.round(profile.outBytesPerSecond / profile.outPacketBytes),
  };
}

const ZERO: InterfaceCounters = {
  operUp: false, inOctets: 0n, outOctets: 0n, inPackets: 0, outPackets: 0, inMulticast: 0, inBroadcast: 0, inErrors: 0,
  outErrors: 0, crcErrors: 0, inDrops: 0, outDrops: 0, inBitsPerSecond: 0, outBitsPerSecond: 0, inPacketsPerSecond: 0,
  outPacketsPerSecond: 0,
};

/**
 * The ports a `show interfaces <name>` argument names, accepting the usual abbreviations
 * (`Gi1/0/1`, `te0/0/0/1`, `eth1`); all ports without an argument.
 */
export function portsNamed<T extends { name: string }>(ports: readonly T[], name: string | undefined): T[] {
  if (!name) return [...ports];
  const split = (text: string): [string, string] => {
    const m = /^([a-z-]*)(.*)$/i.exec(text) ?? ['', text, ''];
    return [m[1].toLowerCase(), m[2].toLowerCase()];
  };
  const [prefix, rest] = split(name);
  return ports.filter((port) => {
    const [portPrefix, portRest] = split(port.name);
    return portRest === rest && (prefix === '' ? portPrefix === '' : portPrefix.startsWith(prefix));
  });
}
