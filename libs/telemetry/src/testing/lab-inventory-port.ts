import type { DeviceConnectionDto, DeviceDto, DeviceSelector, InventoryPort, SnmpConnectionSettings, UpdateDeviceFactsDto } from '@netkeep/contracts';
import { NotFoundError } from '@netkeep/core';
import { createHash } from 'node:crypto';

/** A device as the device lab's inventory lists it (`DeviceLab#inventory()`, `--inventory <file>`). */
export interface LabDeviceRecord {
  name: string;
  host: string;
  port: number;
  platform: string;
  username: string;
  password: string;
  enableSecret?: string | null;
  snmp?: {
    port: number;
    community: string;
    v3: { user: string; authProtocol: 'sha'; authKey: string; privProtocol: 'aes'; privKey: string };
  };
}

/** How a lab device is known to the inventory over SNMP: v2c, v3 authPriv, or not at all (polled over the CLI). */
export type LabSnmpMode = 'v2c' | 'v3' | 'none';

export interface LabInventoryPortOptions {
  /** Per device; default v2c for every device whose record has SNMP. */
  snmp?: (name: string, index: number) => LabSnmpMode;
}

interface LabEntry {
  device: DeviceDto;
  record: LabDeviceRecord;
  snmp: LabSnmpMode;
}

/**
 * The InventoryPort for telemetry specs and benchmarks, answered from the device lab's
 * inventory, with each device's SNMP settings (the inventory service is not needed to poll
 * the lab). Ids derive from device names, so every process reading the same lab inventory
 * agrees on them. Devices can be added, removed and disabled, as an inventory would.
 */
export class LabInventoryPort implements InventoryPort {
  private readonly entries = new Map<string, LabEntry>();

  constructor(
    records: readonly LabDeviceRecord[] = [],
    private readonly options: LabInventoryPortOptions = {},
  ) {
    records.forEach((record) => this.add(record));
  }

  /** The id a lab device has in every process: a UUID derived from its name. */
  static idOf(name: string): string {
    const hex = createHash('sha256').update(`netkeep-lab-device:${name}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  idOf(name: string): string {
    return LabInventoryPort.idOf(name);
  }

  add(record: LabDeviceRecord, snmp?: LabSnmpMode): string {
    const id = LabInventoryPort.idOf(record.name);
    const now = new Date(0).toISOString();
    const mode = snmp ?? (record.snmp ? (this.options.snmp?.(record.name, this.entries.size) ?? 'v2c') : 'none');
    this.entries.set(id, {
      record,
      snmp: mode,
      device: {
        id, name: record.name, host: record.host, port: record.port, platform: record.platform, site: null, siteId: null, role: null, tags: [], enabled: true,
        credentialId: null, snmp: null, notes: null, facts: { model: null, serial: null, osVersion: null, collectedAt: null }, createdAt: now, updatedAt: now,
      },
    });
    return id;
  }

  remove(name: string): void {
    this.entries.delete(LabInventoryPort.idOf(name));
  }

  setEnabled(name: string, enabled: boolean): void {
    const entry = this.entry(LabInventoryPort.idOf(name));
    entry.device = { ...entry.device, enabled };
  }

  async selectDevices(selector: DeviceSelector): Promise<DeviceDto[]> {
    const enabled = selector.enabled ?? true;
    const ids = selector.deviceIds && new Set(selector.deviceIds);
    const names = selector.names && new Set(selector.names);
    return [...this.entries.values()]
      .map((entry) => entry.device)
      .filter((device) => device.enabled === enabled && (!ids || ids.has(device.id)) && (!names || names.has(device.name)))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async getDevice(deviceId: string): Promise<DeviceDto | undefined> {
    return this.entries.get(deviceId)?.device;
  }

  async connection(deviceId: string): Promise<DeviceConnectionDto> {
    const { device, record, snmp } = this.entry(deviceId);
    return {
      id: device.id,
      name: device.name,
      host: record.host,
      port: record.port,
      platform: device.platform,
      enabled: device.enabled,
      username: record.username,
      password: record.password,
      enableSecret: record.enableSecret ?? null,
      privateKey: null,
      snmp: snmpSettings(record, snmp),
    };
  }

  async findBySyslogSource(_address: string, hostname?: string): Promise<DeviceDto | undefined> {
    return [...this.entries.values()].find((entry) => entry.device.name === hostname)?.device;
  }

  async recordFacts(deviceId: string, _facts: UpdateDeviceFactsDto): Promise<void> {
    this.entry(deviceId);
  }

  private entry(deviceId: string): LabEntry {
    const entry = this.entries.get(deviceId);
    if (!entry) throw new NotFoundError(`device ${deviceId} does not exist`);
    return entry;
  }
}

function snmpSettings(record: LabDeviceRecord, mode: LabSnmpMode): SnmpConnectionSettings | null {
  if (mode === 'none' || !record.snmp) return null;
  const { port, community, v3 } = record.snmp;
  if (mode === 'v2c') return { version: '2c', port, community };
  return { version: '3', port, username: v3.user, authProtocol: v3.authProtocol, authKey: v3.authKey, privProtocol: v3.privProtocol, privKey: v3.privKey };
}
