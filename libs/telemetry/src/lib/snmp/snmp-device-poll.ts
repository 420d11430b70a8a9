import type { DeviceSample, InterfaceSample, InterfaceStatus } from '../device-sample';
import { IF_STATUS, OIDS } from './mib-oids';
import { SnmpError, SnmpTimeoutError } from './snmp-errors';
import { SnmpSession, type SnmpVarbind } from './snmp-session';
import type { SnmpSettings } from './snmp-settings';
import { counterValue, numberValue, rowIndex, textValue } from './varbind-values';

export interface SnmpPollOptions {
  /**
   * `auto` reads ifXTable's 64-bit octet counters where the agent has them and ifTable's
   * 32-bit ones otherwise; `32-bit` never reads ifXTable counters (agents whose HC counters
   * are broken). Default `auto`.
   */
  counters?: 'auto' | '32-bit';
  /** The whole poll, every request included; default 30 s. */
  deadlineMs?: number;
  /** The poller's clock for `takenAt`; default the system clock (tests pass the lab's). */
  clock?: () => Date;
}

const DEFAULT_DEADLINE_MS = 30_000;

const SYSTEM = [OIDS.sysDescr, OIDS.sysObjectId, OIDS.sysUpTime, OIDS.sysName, OIDS.snmpEngineBoots, OIDS.snmpEngineTime];
const IF_TABLE = [OIDS.ifDescr, OIDS.ifSpeed, OIDS.ifAdminStatus, OIDS.ifOperStatus, OIDS.ifInOctets, OIDS.ifInDiscards,
  OIDS.ifInErrors, OIDS.ifOutOctets, OIDS.ifOutDiscards, OIDS.ifOutErrors];
const IFX_LABELS = [OIDS.ifName, OIDS.ifHighSpeed, OIDS.ifAlias, OIDS.ifCounterDiscontinuityTime];
const IFX_COUNTERS = [OIDS.ifHCInOctets, OIDS.ifHCOutOctets];
const IN_PACKETS = [OIDS.ifHCInUcastPkts, OIDS.ifHCInMulticastPkts, OIDS.ifHCInBroadcastPkts];
const OUT_PACKETS = [OIDS.ifHCOutUcastPkts, OIDS.ifHCOutMulticastPkts, OIDS.ifHCOutBroadcastPkts];
const TWO_64 = 2n ** 64n;
// Both vendors' load columns go in the same walk: the absent ones end after one varbind.
const LOAD = [OIDS.cpmCPUTotal5minRev, OIDS.ciscoMemoryPoolUsed, OIDS.ciscoMemoryPoolFree, OIDS.hrProcessorLoad,
  OIDS.hrStorageType, OIDS.hrStorageAllocationUnits, OIDS.hrStorageSize, OIDS.hrStorageUsed];

/** What one poll asks for: the system scalars (one Get), then these columns walked side by side. */
export function snmpPollObjects(counters: 'auto' | '32-bit' = 'auto'): { scalars: readonly string[]; columns: readonly string[] } {
  return { scalars: SYSTEM, columns: [...IF_TABLE, ...IFX_LABELS, ...(counters === 'auto' ? [...IFX_COUNTERS, ...IN_PACKETS, ...OUT_PACKETS] : []), ...LOAD] };
}

/**
 * One poll of a device over SNMP: a Get of the system scalars, then one side-by-side bulk
 * walk of ifTable, ifXTable and the CPU/memory columns (a device with 50 ports costs about
 * six requests at max-repetitions 10). The session is closed whatever happens.
 */
export async function pollDeviceBySnmp(settings: SnmpSettings, options: SnmpPollOptions = {}): Promise<DeviceSample> {
  const clock = options.clock ?? (() => new Date());
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const session = SnmpSession.open(settings);
  // Made only when needed: an Error captures a stack, and most polls end in time.
  const expired = () => new SnmpTimeoutError(`${session.target}: the poll did not finish within its ${deadlineMs} ms deadline`, session.target);
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      late = true;
      session.close();
      reject(expired());
    }, deadlineMs);
  });
  try {
    return await Promise.race([readDevice(session, clock, options.counters ?? 'auto'), deadline]);
  } catch (error) {
    // Closing the session fails the requests still out; the deadline is the reason, not them.
    throw late ? expired() : error;
  } finally {
    clearTimeout(timer);
    session.close();
  }
}

async function readDevice(session: SnmpSession, clock: () => Date, counters: 'auto' | '32-bit'): Promise<DeviceSample> {
  const [descr, objectId, upTime, name, boots, engineTime] = await session.get(SYSTEM);
  const takenAt = clock();
  const sysUpTimeHundredths = numberValue(upTime);
  if (sysUpTimeHundredths === undefined) throw new SnmpError(`${session.target} has no sysUpTime.0: not an SNMPv2-MIB agent`, session.target);
  const walked = await session.walkColumns(snmpPollObjects(counters).columns);
  const byRow = (oid: string): Map<number, SnmpVarbind> => new Map((walked.get(oid) ?? []).map((varbind) => [rowIndex(varbind.oid), varbind]));
  const engineBoots = numberValue(boots);
  const engineSeconds = numberValue(engineTime);
  return {
    source: 'snmp',
    takenAt,
    sysUpTimeHundredths,
    ...(engineBoots !== undefined && engineSeconds !== undefined ? { engine: { boots: engineBoots, timeSeconds: engineSeconds } } : {}),
    sysName: textValue(name) ?? '',
    sysDescr: textValue(descr) ?? '',
    ...(typeof objectId?.value === 'string' ? { sysObjectId: objectId.value } : {}),
    ...cpuOf(byRow),
    ...memoryOf(byRow),
    interfaces: interfacesOf(byRow),
  };
}

type Column = (oid: string) => Map<number, SnmpVarbind>;

function interfacesOf(column: Column): InterfaceSample[] {
  const c = Object.fromEntries([...IF_TABLE, ...IFX_LABELS, ...IFX_COUNTERS, ...IN_PACKETS, ...OUT_PACKETS].map((oid) => [oid, column(oid)]));
  // Unicast + multicast + broadcast, kept to 64 bits so the sum wraps like one Counter64; none without the unicast column.
  const packets = (oids: readonly string[], ifIndex: number): bigint | undefined => {
    if (counterValue(c[oids[0]].get(ifIndex)) === undefined) return undefined;
    return oids.reduce((sum, oid) => sum + (counterValue(c[oid].get(ifIndex)) ?? 0n), 0n) % TWO_64;
  };
  const samples: InterfaceSample[] = [];
  for (const [ifIndex, descrVarbind] of c[OIDS.ifDescr]) {
    const hcIn = counterValue(c[OIDS.ifHCInOctets].get(ifIndex));
    const hcOut = counterValue(c[OIDS.ifHCOutOctets].get(ifIndex));
    const wide = hcIn !== undefined && hcOut !== undefined;
    const inOctets = wide ? hcIn : counterValue(c[OIDS.ifInOctets].get(ifIndex));
    const outOctets = wide ? hcOut : counterValue(c[OIDS.ifOutOctets].get(ifIndex));
    if (inOctets === undefined || outOctets === undefined) continue;
    const descr = textValue(descrVarbind) ?? '';
    const highSpeed = numberValue(c[OIDS.ifHighSpeed].get(ifIndex));
    const speed = numberValue(c[OIDS.ifSpeed].get(ifIndex));
    const discontinuity = numberValue(c[OIDS.ifCounterDiscontinuityTime].get(ifIndex));
    const counter = (oid: string): bigint => counterValue(c[oid].get(ifIndex)) ?? 0n;
    const inPackets = packets(IN_PACKETS, ifIndex);
    const outPackets = packets(OUT_PACKETS, ifIndex);
    samples.push({
      ifIndex,
      name: textValue(c[OIDS.ifName].get(ifIndex)) || descr,
      descr,
      alias: textValue(c[OIDS.ifAlias].get(ifIndex)) ?? '',
      adminStatus: status(numberValue(c[OIDS.ifAdminStatus].get(ifIndex))),
      operStatus: status(numberValue(c[OIDS.ifOperStatus].get(ifIndex))),
      // ifSpeed tops out at 4294967295 bit/s; ifHighSpeed (Mb/s) is the one to believe when present.
      speedMbps: highSpeed && highSpeed > 0 ? highSpeed : speed && speed < 4_294_967_295 ? speed / 1_000_000 : 0,
      counterBits: wide ? 64 : 32,
      inOctets,
      outOctets,
      inErrors: counter(OIDS.ifInErrors),
      outErrors: counter(OIDS.ifOutErrors),
      inDiscards: counter(OIDS.ifInDiscards),
      outDiscards: counter(OIDS.ifOutDiscards),
      ...(inPackets === undefined ? {} : { inPackets }),
      ...(outPackets === undefined ? {} : { outPackets }),
      ...(discontinuity === undefined ? {} : { discontinuityHundredths: discontinuity }),
    });
  }
  return samples;
}

const status = (value: number | undefined): InterfaceStatus => (value !== undefined && IF_STATUS[value - 1]) || 'unknown';

function average(values: number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Cisco's 5-minute total where the device has CISCO-PROCESS-MIB, else the mean hrProcessorLoad. */
function cpuOf(column: Column): { cpuPercent?: number } {
  const values = (oid: string): number[] => [...column(oid).values()].map(numberValue).filter((value): value is number => value !== undefined);
  const cpu = average(values(OIDS.cpmCPUTotal5minRev)) ?? average(values(OIDS.hrProcessorLoad));
  return cpu === undefined ? {} : { cpuPercent: cpu };
}

/** All Cisco memory pools together, else the RAM rows of hrStorageTable. */
function memoryOf(column: Column): { memory?: { usedBytes: number; totalBytes: number } } {
  const used = column(OIDS.ciscoMemoryPoolUsed);
  const free = column(OIDS.ciscoMemoryPoolFree);
  if (used.size > 0) {
    let usedBytes = 0;
    let totalBytes = 0;
    for (const [pool, usedVarbind] of used) {
      const poolUsed = numberValue(usedVarbind) ?? 0;
      usedBytes += poolUsed;
      totalBytes += poolUsed + (numberValue(free.get(pool)) ?? 0);
    }
    return { memory: { usedBytes, totalBytes } };
  }
  const types = column(OIDS.hrStorageType);
  const units = column(OIDS.hrStorageAllocationUnits);
  const sizes = column(OIDS.hrStorageSize);
  const useds = column(OIDS.hrStorageUsed);
  const ram = [...types].filter(([, type]) => type.value === OIDS.hrStorageRam).map(([row]) => row);
  if (ram.length === 0) return {};
  const bytes = (map: Map<number, SnmpVarbind>, row: number): number => (numberValue(map.get(row)) ?? 0) * (numberValue(units.get(row)) ?? 1);
  return {
    memory: {
      usedBytes: ram.reduce((sum, row) => sum + bytes(useds, row), 0),
      totalBytes: ram.reduce((sum, row) => sum + bytes(sizes, row), 0),
    },
  };
}
