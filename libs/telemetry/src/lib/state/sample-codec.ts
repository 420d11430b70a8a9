import { INTERFACE_COUNTERS, PACKET_COUNTERS, type DeviceSample, type InterfaceSample } from '../device-sample';

/**
 * A DeviceSample as JSON can carry it: every counter a decimal string, so a 64-bit counter
 * comes back exactly (JSON numbers are float64 and would round past 2^53), and the time
 * as an ISO string.
 */
export type StoredInterface = Omit<InterfaceSample, (typeof INTERFACE_COUNTERS)[number] | (typeof PACKET_COUNTERS)[number]> &
  Record<(typeof INTERFACE_COUNTERS)[number], string> &
  Partial<Record<(typeof PACKET_COUNTERS)[number], string>>;

export type StoredSample = Omit<DeviceSample, 'takenAt' | 'interfaces'> & { takenAt: string; interfaces: StoredInterface[] };

const COUNTERS = [...INTERFACE_COUNTERS, ...PACKET_COUNTERS] as const;

export function storeSample(sample: DeviceSample): StoredSample {
  return { ...sample, takenAt: sample.takenAt.toISOString(), interfaces: sample.interfaces.map((each) => convert(each, String) as StoredInterface) };
}

export function loadSample(stored: StoredSample): DeviceSample {
  return { ...stored, takenAt: new Date(stored.takenAt), interfaces: stored.interfaces.map((each) => convert(each, BigInt) as unknown as InterfaceSample) };
}

/** A copy of one interface with its counters converted; assignments in place, as this runs for every interface of every poll. */
function convert(source: StoredInterface | InterfaceSample, to: (value: string | bigint) => string | bigint): Record<string, unknown> {
  const copy = Object.assign({}, source) as Record<string, unknown>;
  for (const counter of COUNTERS) {
    const value = source[counter];
    if (value !== undefined) copy[counter] = to(value);
  }
  return copy;
}
