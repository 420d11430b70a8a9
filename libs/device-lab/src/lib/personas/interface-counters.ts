import type { PlannedPort } from './network-plan';
import { SeededRandom } from './seeded-random';

/**
 * Interface counters as a function of (device, interface, seconds since boot): every port
 * runs at its own steady rate, so counters only grow and two polls give a sensible rate.
 */
export interface InterfaceCounters {
  inOctets: number;
  outOctets: number;
  inPackets: number;
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

const ZERO: InterfaceCounters = {
  inOctets: 0, outOctets: 0, inPackets: 0, outPackets: 0, inMulticast: 0, inBroadcast: 0, inErrors: 0, outErrors: 0,
  crcErrors: 0, inDrops: 0, outDrops: 0, inBitsPerSecond: 0, outBitsPerSecond: 0, inPacketsPerSecond: 0, outPacketsPerSecond: 0,
};

export function interfaceCounters(deviceName: string, interfaceName: string, secondsSinceBoot: number, up: boolean): InterfaceCounters {
  if (!up) return ZERO;
  const rng = new SeededRandom(`counters/${deviceName}/${interfaceName}`);
  const inBitsPerSecond = Math.round(10 ** (3 + rng.next() * 5));
  const outBitsPerSecond = Math.round(inBitsPerSecond * (0.3 + rng.next() * 1.4));
  const inPacketSize = rng.int(180, 1200);
  const outPacketSize = rng.int(180, 1200);
  const errorsPerDay = rng.chance(0.25) ? rng.int(1, 40) : 0;
  const inOctets = Math.floor((inBitsPerSecond / 8) * secondsSinceBoot);
  const outOctets = Math.floor((outBitsPerSecond / 8) * secondsSinceBoot);
  const inPackets = Math.floor(inOctets / inPacketSize);
  const inErrors = Math.floor((errorsPerDay * secondsSinceBoot) / 86_400);
  return {
    inOctets,
    outOctets,
    inPackets,
    outPackets: Math.floor(outOctets / outPacketSize),
    inMulticast: Math.floor(inPackets * 0.02),
    inBroadcast: Math.floor(inPackets * 0.005),
    inErrors,
    outErrors: 0,
    crcErrors: Math.floor(inErrors * 0.8),
    inDrops: Math.floor(inErrors / 2),
    outDrops: 0,
    inBitsPerSecond,
    outBitsPerSecond,
    inPacketsPerSecond: Math.round(inBitsPerSecond / 8 / inPacketSize),
    outPacketsPerSecond: Math.round(outBitsPerSecond / 8 / outPacketSize),
  };
}

/** The counters of a planned port: unused ports are shut and count nothing. */
export function portCounters(deviceName: string, port: PlannedPort, secondsSinceBoot: number): InterfaceCounters {
  return interfaceCounters(deviceName, port.name, secondsSinceBoot, port.role !== 'unused');
}

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
