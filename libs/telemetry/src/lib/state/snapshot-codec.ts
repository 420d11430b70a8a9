import type { InterfaceStatus } from '../device-sample';
import type { RateGap } from '../rates/counter-rate';
import type { InterfaceRates } from '../rates/device-rates';
import type { DeviceSnapshot } from './device-snapshot';
import type { StoredInterface } from './sample-codec';

/**
 * A DeviceSnapshot as Redis keeps it: positional JSON arrays instead of objects, about a third
 * of the size of plain JSON. Every poll reads one and writes one, so its size is most of what
 * a poll costs beside SNMP itself (the bytes on the socket, the parse, the garbage).
 * Counters stay decimal strings: exact past 2^53.
 */

const FORMAT = 2;
const STATUSES: readonly InterfaceStatus[] = ['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'];
const GAPS: readonly RateGap[] = ['first-sample', 'reboot', 'counter-reset', 'implausible', 'ambiguous-wrap', 'no-interval', 'not-comparable'];
const RATED = ['inOctets', 'outOctets', 'inErrors', 'outErrors', 'inDiscards', 'outDiscards', 'inPackets', 'outPackets'] as const;

type Cell = string | number | null;

export function encodeSnapshot(snapshot: DeviceSnapshot): string {
  const { sample, rates } = snapshot;
  const head: Cell[] = [
    sample.source, sample.takenAt, sample.sysUpTimeHundredths, sample.engine?.boots ?? null, sample.engine?.timeSeconds ?? null, sample.sysName, sample.sysDescr,
    sample.sysObjectId ?? null, sample.cpuPercent ?? null, sample.memory?.usedBytes ?? null, sample.memory?.totalBytes ?? null,
  ];
  const interfaces = sample.interfaces.map((each): Cell[] => [
    each.ifIndex ?? null, each.name, each.descr, each.alias, STATUSES.indexOf(each.adminStatus), STATUSES.indexOf(each.operStatus), each.speedMbps, each.counterBits,
    each.inOctets, each.outOctets, each.inErrors, each.outErrors, each.inDiscards, each.outDiscards, each.inPackets ?? null, each.outPackets ?? null,
    each.discontinuityHundredths ?? null,
  ]);
  const interfaceRates = rates.interfaces.map((each): unknown[] => [
    each.name,
    each.ifIndex ?? null,
    RATED.map((counter) => each.perSecond[counter] ?? null),
    RATED.map((counter) => (each.gaps[counter] === undefined ? null : GAPS.indexOf(each.gaps[counter] as RateGap))),
  ]);
  const rateHead = [rates.intervalSeconds ?? null, rates.gap === undefined ? null : GAPS.indexOf(rates.gap)];
  return JSON.stringify([FORMAT, snapshot.deviceId, snapshot.name, head, interfaces, rateHead, interfaceRates]);
}

export function decodeSnapshot(text: string): DeviceSnapshot | undefined {
  const parsed = JSON.parse(text) as unknown[];
  // Another format (an older release's): no base for rates, the next poll starts afresh.
  if (!Array.isArray(parsed) || parsed[0] !== FORMAT) return undefined;
  const [, deviceId, name, head, interfaces, rateHead, interfaceRates] = parsed as [number, string, string, Cell[], Cell[][], Cell[], unknown[][]];
  const [source, takenAt, upTime, boots, engineTime, sysName, sysDescr, sysObjectId, cpu, memoryUsed, memoryTotal] = head;
  const [intervalSeconds, gap] = rateHead;
  return {
    deviceId,
    name,
    sample: {
      source: source as 'snmp' | 'cli',
      takenAt: takenAt as string,
      sysUpTimeHundredths: upTime as number,
      ...(boots === null ? {} : { engine: { boots: boots as number, timeSeconds: engineTime as number } }),
      sysName: sysName as string,
      sysDescr: sysDescr as string,
      ...(sysObjectId === null ? {} : { sysObjectId: sysObjectId as string }),
      ...(cpu === null ? {} : { cpuPercent: cpu as number }),
      ...(memoryUsed === null ? {} : { memory: { usedBytes: memoryUsed as number, totalBytes: memoryTotal as number } }),
      interfaces: interfaces.map(decodeInterface),
    },
    rates: {
      ...(intervalSeconds === null ? {} : { intervalSeconds: intervalSeconds as number }),
      ...(gap === null ? {} : { gap: GAPS[gap as number] as DeviceSnapshot['rates']['gap'] }),
      interfaces: interfaceRates.map(decodeRates),
    },
  };
}

// Plain assignments, not conditional spreads: this runs for every interface of every poll.
function decodeInterface(row: Cell[]): StoredInterface {
  const [ifIndex, name, descr, alias, admin, oper, speedMbps, counterBits, inOctets, outOctets, inErrors, outErrors, inDiscards, outDiscards, inPackets, outPackets, discontinuity] = row;
  const decoded: StoredInterface = {
    name: name as string,
    descr: descr as string,
    alias: alias as string,
    adminStatus: STATUSES[admin as number] ?? 'unknown',
    operStatus: STATUSES[oper as number] ?? 'unknown',
    speedMbps: speedMbps as number,
    counterBits: counterBits as 32 | 64,
    inOctets: inOctets as string,
    outOctets: outOctets as string,
    inErrors: inErrors as string,
    outErrors: outErrors as string,
    inDiscards: inDiscards as string,
    outDiscards: outDiscards as string,
  };
  if (ifIndex !== null) decoded.ifIndex = ifIndex as number;
  if (inPackets !== null) decoded.inPackets = inPackets as string;
  if (outPackets !== null) decoded.outPackets = outPackets as string;
  if (discontinuity !== null) decoded.discontinuityHundredths = discontinuity as number;
  return decoded;
}

function decodeRates(row: unknown[]): InterfaceRates {
  const [name, ifIndex, values, gaps] = row as [string, number | null, (number | null)[], (number | null)[]];
  const rates: InterfaceRates = { name, perSecond: {}, gaps: {} };
  if (ifIndex !== null) rates.ifIndex = ifIndex;
  RATED.forEach((counter, index) => {
    const value = values[index];
    const gap = gaps[index];
    if (value !== null && value !== undefined) rates.perSecond[counter] = value;
    if (gap !== null && gap !== undefined) rates.gaps[counter] = GAPS[gap];
  });
  if (rates.perSecond.inOctets !== undefined) rates.inBitsPerSecond = rates.perSecond.inOctets * 8;
  if (rates.perSecond.outOctets !== undefined) rates.outBitsPerSecond = rates.perSecond.outOctets * 8;
  return rates;
}
