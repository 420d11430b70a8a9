import type { DeviceSample, InterfaceStatus } from '../device-sample';
import type { RateGap } from '../rates/counter-rate';
import { deviceRates, type InterfaceRates } from '../rates/device-rates';
import { loadSample, storeSample, type StoredSample } from './sample-codec';

/** Why a device has no rates at all for its last interval. */
export type DeviceRateGap = Extract<RateGap, 'first-sample' | 'reboot' | 'no-interval'>;

/**
 * A device as its last good poll saw it: the raw sample (the base of the next poll's rates,
 * whichever replica takes it) and the rates over the interval that ended with it.
 */
export interface DeviceSnapshot {
  deviceId: string;
  name: string;
  sample: StoredSample;
  rates: {
    intervalSeconds?: number;
    gap?: DeviceRateGap;
    interfaces: InterfaceRates[];
  };
}

export interface NextSnapshot {
  snapshot: DeviceSnapshot;
  /** Device time moved since the previous sample: this poll is a new point in the history. */
  advanced: boolean;
}

/** The snapshot after a good poll: rates against the previous sample, if there is one. */
export function nextSnapshot(deviceId: string, name: string, previous: DeviceSnapshot | undefined, sample: DeviceSample): NextSnapshot {
  const stored = storeSample(sample);
  if (!previous) return { snapshot: { deviceId, name, sample: stored, rates: { gap: 'first-sample', interfaces: [] } }, advanced: true };
  const rates = deviceRates(loadSample(previous.sample), sample);
  // No device time passed (two polls met, or an agent answered from a cache): the last rates still hold.
  if (rates.gap === 'no-interval') return { snapshot: { deviceId, name, sample: stored, rates: previous.rates }, advanced: false };
  const snapshot: DeviceSnapshot = {
    deviceId,
    name,
    sample: stored,
    rates: {
      ...(rates.intervalSeconds === undefined ? {} : { intervalSeconds: rates.intervalSeconds }),
      ...(rates.gap === undefined ? {} : { gap: rates.gap }),
      interfaces: rates.interfaces,
    },
  };
  return { snapshot, advanced: true };
}

/** One interface at one poll, as the history keeps it. */
export interface HistoryPoint {
  atMs: number;
  operStatus: InterfaceStatus;
  inBitsPerSecond: number | null;
  outBitsPerSecond: number | null;
  inPacketsPerSecond: number | null;
  outPacketsPerSecond: number | null;
  inErrorsPerSecond: number | null;
  outErrorsPerSecond: number | null;
  inDiscardsPerSecond: number | null;
  outDiscardsPerSecond: number | null;
}

/** The history points a snapshot adds, by interface name (the first of duplicate names wins). */
export function historyPoints(snapshot: DeviceSnapshot): Map<string, HistoryPoint> {
  const atMs = Date.parse(snapshot.sample.takenAt);
  const rates = new Map(snapshot.rates.interfaces.map((each) => [each.name, each]));
  const points = new Map<string, HistoryPoint>();
  for (const sample of snapshot.sample.interfaces) {
    if (points.has(sample.name)) continue;
    const perSecond = rates.get(sample.name)?.perSecond ?? {};
    const octets = (value: number | undefined) => (value === undefined ? null : value * 8);
    points.set(sample.name, {
      atMs,
      operStatus: sample.operStatus,
      inBitsPerSecond: octets(perSecond.inOctets),
      outBitsPerSecond: octets(perSecond.outOctets),
      inPacketsPerSecond: perSecond.inPackets ?? null,
      outPacketsPerSecond: perSecond.outPackets ?? null,
      inErrorsPerSecond: perSecond.inErrors ?? null,
      outErrorsPerSecond: perSecond.outErrors ?? null,
      inDiscardsPerSecond: perSecond.inDiscards ?? null,
      outDiscardsPerSecond: perSecond.outDiscards ?? null,
    });
  }
  return points;
}

const STATUS_CODES: readonly InterfaceStatus[] = ['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'];
const RATE_FIELDS = [
  'inBitsPerSecond', 'outBitsPerSecond', 'inPacketsPerSecond', 'outPacketsPerSecond',
  'inErrorsPerSecond', 'outErrorsPerSecond', 'inDiscardsPerSecond', 'outDiscardsPerSecond',
] as const;

/** Millisecond precision is plenty for a rate, and keeps an entry short. */
const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000);

/**
 * One poll of every interface of a device as one Redis list entry, JSON
 * `[atMs, {"<ifName>": [status, 8 rates], …}]`: about 50 bytes per interface, and one list
 * push per poll however many interfaces the device has.
 */
export function encodeHistoryEntry(points: ReadonlyMap<string, HistoryPoint>): string {
  let atMs = 0;
  const interfaces: Record<string, (number | null)[]> = {};
  for (const [name, point] of points) {
    atMs = point.atMs;
    interfaces[name] = [STATUS_CODES.indexOf(point.operStatus), ...RATE_FIELDS.map((field) => round(point[field]))];
  }
  return JSON.stringify([atMs, interfaces]);
}

/** The point of one interface in a history entry; undefined when the device did not list it then. */
export function decodeHistoryPoint(entry: string, interfaceName: string): HistoryPoint | undefined {
  const [atMs, interfaces] = JSON.parse(entry) as [number, Record<string, (number | null)[]>];
  const values = Object.hasOwn(interfaces, interfaceName) ? interfaces[interfaceName] : undefined;
  if (!values) return undefined;
  const [status, ...rates] = values;
  const point = { atMs, operStatus: STATUS_CODES[status ?? 3] ?? 'unknown' } as HistoryPoint;
  RATE_FIELDS.forEach((field, index) => (point[field] = rates[index] ?? null));
  return point;
}
