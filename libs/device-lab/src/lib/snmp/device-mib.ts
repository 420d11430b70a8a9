import { ObjectType } from 'net-snmp';
import type { LabDeviceIdentity, LabDeviceState, LabInterface, Persona } from '../persona';
import { interfaceCounters, linkStatus, type InterfaceCounters, type LinkStatus } from '../personas/interface-counters';
import { deviceLoad, type DeviceLoad } from './device-load';
import { parseOid } from './oid';
import { labSnmpSystem } from './snmp-credentials';
import { snmpProfile, type SnmpProfile } from './snmp-profiles';
import { VirtualMib, type MibObject, type MibValue } from './virtual-mib';

/** A lab interface with the numbers SNMP gives it. */
export interface SnmpInterface extends LabInterface {
  ifIndex: number;
  ifName: string;
}

/** The device as one SNMP request sees it: one instant, one set of counters. */
export interface DeviceMibView {
  identity: LabDeviceIdentity;
  state: LabDeviceState;
  now: Date;
  profile: SnmpProfile;
  system: DeviceSystem;
  /** Sorted by ifIndex. */
  interfaces: readonly SnmpInterface[];
  ifIndexes: readonly number[];
  uptimeMs: number;
  engineId: Buffer;
  engineBoots: number;
  interfaceAt(ifIndex: number): SnmpInterface | undefined;
  counters(link: SnmpInterface): InterfaceCounters;
  status(link: SnmpInterface): LinkStatus;
  load(): DeviceLoad;
}

interface DeviceSystem {
  descr: string;
  objectId: string;
  location: string;
  contact: string;
}

/** What a view needs from the fleet's device record. */
export interface MibDevice {
  identity: LabDeviceIdentity;
  persona: Persona;
  state: LabDeviceState;
  snmp: { engineId: Buffer; engineBoots: number };
}

interface DeviceStatics {
  system: DeviceSystem;
  interfaces: SnmpInterface[];
  byIndex: Map<number, SnmpInterface>;
}

// Keyed by identity: a reboot replaces the identity object, so the next view starts afresh.
const staticsCache = new WeakMap<LabDeviceIdentity, DeviceStatics>();

function staticsOf(device: MibDevice): DeviceStatics {
  const cached = staticsCache.get(device.identity);
  if (cached) return cached;
  const { identity, persona } = device;
  const profile = snmpProfile(identity.platform);
  const interfaces = (persona.interfaces?.(identity) ?? [])
    .map((link, position) => ({ ...link, ifIndex: profile.ifIndex(position, link), ifName: profile.ifName(link) }))
    .sort((a, b) => a.ifIndex - b.ifIndex);
  const facts = persona.facts(identity, identity.bootedAt);
  const statics: DeviceStatics = {
    system: { descr: profile.sysDescr(identity, facts), objectId: profile.sysObjectId(identity), ...labSnmpSystem(identity) },
    interfaces,
    byIndex: new Map(interfaces.map((link) => [link.ifIndex, link])),
  };
  staticsCache.set(identity, statics);
  return statics;
}

export function deviceMibView(device: MibDevice, now: Date): DeviceMibView {
  const statics = staticsOf(device);
  const profile = snmpProfile(device.identity.platform);
  const counterView = { device: device.identity, state: device.state, now };
  const counters = new Map<number, InterfaceCounters>();
  const uptimeMs = Math.max(0, now.getTime() - device.identity.bootedAt.getTime());
  let load: DeviceLoad | undefined;
  return {
    identity: device.identity,
    state: device.state,
    now,
    profile,
    system: statics.system,
    interfaces: statics.interfaces,
    ifIndexes: statics.interfaces.map((link) => link.ifIndex),
    uptimeMs,
    engineId: device.snmp.engineId,
    engineBoots: device.snmp.engineBoots,
    interfaceAt: (ifIndex) => statics.byIndex.get(ifIndex),
    counters: (link) => {
      let value = counters.get(link.ifIndex);
      if (!value) counters.set(link.ifIndex, (value = interfaceCounters(counterView, link)));
      return value;
    },
    status: (link) => linkStatus(counterView, link),
    load: () => (load ??= deviceLoad(device.identity.name, uptimeMs, profile.memoryBytes)),
  };
}

const TWO_32 = 2n ** 32n;
const TWO_64 = 2n ** 64n;

const integer = (value: number): MibValue => ({ type: ObjectType.Integer, value });
const text = (value: string): MibValue => ({ type: ObjectType.OctetString, value });
const gauge = (value: number): MibValue => ({ type: ObjectType.Gauge, value: Math.min(Math.max(0, Math.round(value)), 4_294_967_295) });
const counter32 = (value: number | bigint): MibValue => ({ type: ObjectType.Counter, value: Number(BigInt(value) % TWO_32) });
const counter64 = (value: number | bigint): MibValue => ({ type: ObjectType.Counter64, value: BigInt(value) % TWO_64 });
const oidValue = (value: string): MibValue => ({ type: ObjectType.OID, value });
/** TimeTicks are hundredths of a second in 32 bits: sysUpTime wraps after 497 days, as on real agents. */
const ticks = (ms: number): MibValue => ({ type: ObjectType.TimeTicks, value: Number(BigInt(Math.floor(ms / 10)) % TWO_32) });

type View = DeviceMibView;
type Read<T extends unknown[]> = (view: View, ...args: T) => MibValue | undefined;

const scalar = (oid: string, read: Read<[]>): MibObject<View> => ({ kind: 'scalar', oid: parseOid(oid), read });

function ifColumn(entry: string, column: number, read: Read<[SnmpInterface]>): MibObject<View> {
  return {
    kind: 'column',
    oid: parseOid(`${entry}.${column}`),
    rows: (view) => view.ifIndexes,
    read: (view, row) => {
      const link = view.interfaceAt(row);
      return link && read(view, link);
    },
  };
}

function fixedColumn(entry: string, column: number, rows: (view: View) => readonly number[], read: Read<[number]>): MibObject<View> {
  return { kind: 'column', oid: parseOid(`${entry}.${column}`), rows, read };
}

const IF_ENTRY = '1.3.6.1.2.1.2.2.1';
const IFX_ENTRY = '1.3.6.1.2.1.31.1.1.1';
const HR_STORAGE_ENTRY = '1.3.6.1.2.1.25.2.3.1';
const HR_PROCESSOR_ENTRY = '1.3.6.1.2.1.25.3.3.1';
const CPM_CPU_ENTRY = '1.3.6.1.4.1.9.9.109.1.1.1.1';
const MEMORY_POOL_ENTRY = '1.3.6.1.4.1.9.9.48.1.1.1';
/** hrProcessorTable rows are hrDeviceIndex values; 196608 is where net-snmp puts the first CPU. */
const HR_CPU_INDEX = 196_608;
const HR_STORAGE_RAM = '1.3.6.1.2.1.25.2.1.2';
const HR_RAM_UNIT_BYTES = 1024;
/** Processor pool and I/O pool: the I/O pool is a fixed eighth of memory. */
const CISCO_POOLS = [1, 2] as const;

const hostResources = (view: View): readonly number[] => (view.profile.loadMib === 'host-resources' ? [1] : []);
const ciscoRows = (rows: readonly number[]) => (view: View): readonly number[] => (view.profile.loadMib === 'cisco' ? rows : []);

function ciscoPool(view: View, pool: number): { name: string; used: number; free: number } {
  const { memoryTotalBytes, memoryUsedBytes } = view.load();
  const io = Math.round(memoryTotalBytes / 8);
  if (pool === 2) {
    const used = Math.round(io * 0.3);
    return { name: 'I/O', used, free: io - used };
  }
  const processor = memoryTotalBytes - io;
  const used = Math.min(processor, memoryUsedBytes);
  return { name: 'Processor', used, free: processor - used };
}

const operStatus = (view: View, link: SnmpInterface): number => (view.counters(link).operUp ? 1 : 2);

const OBJECTS: readonly MibObject<View>[] = [
  // SNMPv2-MIB system group
  scalar('1.3.6.1.2.1.1.1', (view) => text(view.system.descr)),
  scalar('1.3.6.1.2.1.1.2', (view) => oidValue(view.system.objectId)),
  scalar('1.3.6.1.2.1.1.3', (view) => ticks(view.uptimeMs)),
  scalar('1.3.6.1.2.1.1.4', (view) => text(view.system.contact)),
  scalar('1.3.6.1.2.1.1.5', (view) => text(view.identity.name)),
  scalar('1.3.6.1.2.1.1.6', (view) => text(view.system.location)),
  scalar('1.3.6.1.2.1.1.7', () => integer(6)),
  // IF-MIB interfaces group and ifTable
  scalar('1.3.6.1.2.1.2.1', (view) => integer(view.interfaces.length)),
  ifColumn(IF_ENTRY, 1, (_view, link) => integer(link.ifIndex)),
  ifColumn(IF_ENTRY, 2, (_view, link) => text(link.name)),
  ifColumn(IF_ENTRY, 3, () => integer(6)),
  ifColumn(IF_ENTRY, 4, (_view, link) => integer(link.mtu)),
  ifColumn(IF_ENTRY, 5, (_view, link) => gauge(link.speedMbps * 1_000_000)),
  ifColumn(IF_ENTRY, 6, (_view, link) => ({ type: ObjectType.OctetString, value: Buffer.from(link.mac, 'hex') })),
  ifColumn(IF_ENTRY, 7, (_view, link) => integer(link.adminUp ? 1 : 2)),
  ifColumn(IF_ENTRY, 8, (view, link) => integer(operStatus(view, link))),
  ifColumn(IF_ENTRY, 9, (view, link) => ticks(view.status(link).lastChangeMillis)),
  ifColumn(IF_ENTRY, 10, (view, link) => counter32(view.counters(link).inOctets)),
  ifColumn(IF_ENTRY, 11, (view, link) => {
    const c = view.counters(link);
    return counter32(c.inPackets - c.inMulticast - c.inBroadcast);
  }),
  ifColumn(IF_ENTRY, 12, (view, link) => counter32(view.counters(link).inMulticast + view.counters(link).inBroadcast)),
  ifColumn(IF_ENTRY, 13, (view, link) => counter32(view.counters(link).inDrops)),
  ifColumn(IF_ENTRY, 14, (view, link) => counter32(view.counters(link).inErrors)),
  ifColumn(IF_ENTRY, 15, () => counter32(0)),
  ifColumn(IF_ENTRY, 16, (view, link) => counter32(view.counters(link).outOctets)),
  ifColumn(IF_ENTRY, 17, (view, link) => counter32(view.counters(link).outPackets)),
  ifColumn(IF_ENTRY, 18, () => counter32(0)),
  ifColumn(IF_ENTRY, 19, (view, link) => counter32(view.counters(link).outDrops)),
  ifColumn(IF_ENTRY, 20, (view, link) => counter32(view.counters(link).outErrors)),
  ifColumn(IF_ENTRY, 21, () => gauge(0)),
  ifColumn(IF_ENTRY, 22, () => oidValue('0.0')),
  // IF-MIB ifXTable
  ifColumn(IFX_ENTRY, 1, (_view, link) => text(link.ifName)),
  ifColumn(IFX_ENTRY, 2, (view, link) => counter32(view.counters(link).inMulticast)),
  ifColumn(IFX_ENTRY, 3, (view, link) => counter32(view.counters(link).inBroadcast)),
  ifColumn(IFX_ENTRY, 4, () => counter32(0)),
  ifColumn(IFX_ENTRY, 5, () => counter32(0)),
  ifColumn(IFX_ENTRY, 6, (view, link) => counter64(view.counters(link).inOctets)),
  ifColumn(IFX_ENTRY, 7, (view, link) => {
    const c = view.counters(link);
    return counter64(c.inPackets - c.inMulticast - c.inBroadcast);
  }),
  ifColumn(IFX_ENTRY, 8, (view, link) => counter64(view.counters(link).inMulticast)),
  ifColumn(IFX_ENTRY, 9, (view, link) => counter64(view.counters(link).inBroadcast)),
  ifColumn(IFX_ENTRY, 10, (view, link) => counter64(view.counters(link).outOctets)),
  ifColumn(IFX_ENTRY, 11, (view, link) => counter64(view.counters(link).outPackets)),
  ifColumn(IFX_ENTRY, 12, () => counter64(0)),
  ifColumn(IFX_ENTRY, 13, () => counter64(0)),
  ifColumn(IFX_ENTRY, 14, () => integer(1)),
  ifColumn(IFX_ENTRY, 15, (_view, link) => gauge(link.speedMbps)),
  ifColumn(IFX_ENTRY, 16, () => integer(2)),
  ifColumn(IFX_ENTRY, 17, () => integer(1)),
  ifColumn(IFX_ENTRY, 18, (view, link) => text(view.state.descriptions[link.name] ?? link.description)),
  // Counters only restart with the device, so their discontinuity time is boot.
  ifColumn(IFX_ENTRY, 19, () => ticks(0)),
  // HOST-RESOURCES-MIB: uptime, RAM, one processor
  scalar('1.3.6.1.2.1.25.1.1', (view) => (view.profile.loadMib === 'host-resources' ? ticks(view.uptimeMs) : undefined)),
  scalar('1.3.6.1.2.1.25.2.2', (view) =>
    view.profile.loadMib === 'host-resources' ? integer(Math.round(view.load().memoryTotalBytes / 1024)) : undefined),
  fixedColumn(HR_STORAGE_ENTRY, 1, hostResources, (_view, row) => integer(row)),
  fixedColumn(HR_STORAGE_ENTRY, 2, hostResources, () => oidValue(HR_STORAGE_RAM)),
  fixedColumn(HR_STORAGE_ENTRY, 3, hostResources, () => text('Physical memory')),
  fixedColumn(HR_STORAGE_ENTRY, 4, hostResources, () => integer(HR_RAM_UNIT_BYTES)),
  fixedColumn(HR_STORAGE_ENTRY, 5, hostResources, (view) => integer(Math.round(view.load().memoryTotalBytes / HR_RAM_UNIT_BYTES))),
  fixedColumn(HR_STORAGE_ENTRY, 6, hostResources, (view) => integer(Math.round(view.load().memoryUsedBytes / HR_RAM_UNIT_BYTES))),
  fixedColumn(HR_PROCESSOR_ENTRY, 1, (view) => (hostResources(view).length ? [HR_CPU_INDEX] : []), () => oidValue('0.0')),
  fixedColumn(HR_PROCESSOR_ENTRY, 2, (view) => (hostResources(view).length ? [HR_CPU_INDEX] : []), (view) => integer(view.load().cpuPercent1m)),
  // CISCO-MEMORY-POOL-MIB ciscoMemoryPoolTable
  fixedColumn(MEMORY_POOL_ENTRY, 2, ciscoRows(CISCO_POOLS), (view, row) => text(ciscoPool(view, row).name)),
  fixedColumn(MEMORY_POOL_ENTRY, 3, ciscoRows(CISCO_POOLS), () => integer(0)),
  fixedColumn(MEMORY_POOL_ENTRY, 4, ciscoRows(CISCO_POOLS), () => integer(1)),
  fixedColumn(MEMORY_POOL_ENTRY, 5, ciscoRows(CISCO_POOLS), (view, row) => gauge(ciscoPool(view, row).used)),
  fixedColumn(MEMORY_POOL_ENTRY, 6, ciscoRows(CISCO_POOLS), (view, row) => gauge(ciscoPool(view, row).free)),
  fixedColumn(MEMORY_POOL_ENTRY, 7, ciscoRows(CISCO_POOLS), (view, row) => gauge(ciscoPool(view, row).free * 0.8)),
  // CISCO-PROCESS-MIB cpmCPUTotalTable
  fixedColumn(CPM_CPU_ENTRY, 2, ciscoRows([1]), () => integer(1000)),
  fixedColumn(CPM_CPU_ENTRY, 6, ciscoRows([1]), (view) => gauge(view.load().cpuPercent5s)),
  fixedColumn(CPM_CPU_ENTRY, 7, ciscoRows([1]), (view) => gauge(view.load().cpuPercent1m)),
  fixedColumn(CPM_CPU_ENTRY, 8, ciscoRows([1]), (view) => gauge(view.load().cpuPercent5m)),
  // SNMP-FRAMEWORK-MIB snmpEngine group
  scalar('1.3.6.1.6.3.10.2.1.1', (view) => ({ type: ObjectType.OctetString, value: view.engineId })),
  scalar('1.3.6.1.6.3.10.2.1.2', (view) => integer(view.engineBoots)),
  scalar('1.3.6.1.6.3.10.2.1.3', (view) => integer(Math.min(2_147_483_647, Math.floor(view.uptimeMs / 1000)))),
  scalar('1.3.6.1.6.3.10.2.1.4', () => integer(65_507)),
];

/** The MIB every lab device serves, read through a per-request view. */
export const LAB_DEVICE_MIB = new VirtualMib<DeviceMibView>(OBJECTS);
