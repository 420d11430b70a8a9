import type { DeviceConnectionDto, DeviceDto, DeviceSelector, InventoryPort, SnmpConnectionSettings, UpdateDeviceFactsDto } from '@netkeep/contracts';
import { NotFoundError } from '@netkeep/core';
import { findPlatform } from '@netkeep/ssh';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A device as the device lab's inventory lists it (`DeviceLab#inventory()`, `--inventory <file>`). */
export interface LabInventoryRecord {
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

/** Inventory fields the lab has no notion of, per device (`index`: its place in the records). */
export interface LabInventoryPortOptions {
  site?: (name: string, index: number) => string | null;
  role?: (name: string, index: number) => string | null;
  tags?: (name: string, index: number) => string[];
  /** Default v2c for every device whose record has SNMP. */
  snmp?: (name: string, index: number) => LabSnmpMode;
}

interface LabEntry {
  device: DeviceDto;
  record: LabInventoryRecord;
  snmp: LabSnmpMode;
}

/**
 * The InventoryPort for specs and benchmarks, answered from the device lab's inventory instead
 * of the inventory service, with each device's SNMP settings: ids derive from device names, so
 * every process that reads the same lab inventory agrees on them. Devices can be added, removed
 * and disabled, as an inventory would; facts written back are kept in memory (`facts`).
 */
export class LabInventoryPort implements InventoryPort {
  private readonly entries = new Map<string, LabEntry>();
  /** Facts recorded through the port, by device id. */
  readonly facts = new Map<string, UpdateDeviceFactsDto>();

  constructor(
    records: readonly LabInventoryRecord[] = [],
    private readonly options: LabInventoryPortOptions = {},
  ) {
    records.forEach((record, index) => this.insert(record, index));
  }

  /** From a lab inventory file (`{ devices: [...] }`). */
  static fromFile(path: string, options?: LabInventoryPortOptions): LabInventoryPort {
    const inventory = JSON.parse(readFileSync(path, 'utf8')) as { devices: LabInventoryRecord[] };
    return new LabInventoryPort(inventory.devices, options);
  }

  /** The id a lab device has in every process: a UUID derived from its name. */
  static idOf(name: string): string {
    const hex = createHash('sha256').update(`netkeep-lab-device:${name}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  idOf(name: string): string {
    return LabInventoryPort.idOf(name);
  }

  /** Adds (or replaces) a device; `snmp` overrides the `snmp` option for it. Returns its id. */
  add(record: LabInventoryRecord, snmp?: LabSnmpMode): string {
    return this.insert(record, this.entries.size, snmp);
  }

  remove(name: string): void {
    this.entries.delete(LabInventoryPort.idOf(name));
  }

  setEnabled(name: string, enabled: boolean): void {
    const entry = this.entries.get(LabInventoryPort.idOf(name));
    if (!entry) throw new NotFoundError(`lab device ${name} does not exist`);
    entry.device = { ...entry.device, enabled };
  }

  async selectDevices(selector: DeviceSelector): Promise<DeviceDto[]> {
    const names = selector.names && new Set(selector.names.map((name) => name.toLowerCase()));
    const ids = selector.deviceIds && new Set(selector.deviceIds);
    const platform = selector.platform && (findPlatform(selector.platform)?.name ?? selector.platform);
    const q = selector.q?.toLowerCase();
    const enabled = selector.enabled ?? true;
    return [...this.entries.values()]
      .map((entry) => entry.device)
      .filter(
        (device) =>
          device.enabled === enabled &&
          (!ids || ids.has(device.id)) &&
          (!names || names.has(device.name.toLowerCase())) &&
          (!selector.site || device.site?.toLowerCase() === selector.site.toLowerCase()) &&
          (!selector.role || device.role === selector.role) &&
          (!platform || device.platform === platform) &&
          (selector.tags ?? []).every((tag) => device.tags.includes(tag)) &&
          (!q || device.name.toLowerCase().includes(q) || device.host.toLowerCase().includes(q)),
      )
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

  /** By address when exactly one device has it (lab devices often share 127.0.0.1), else by the hostname. */
  async findBySyslogSource(address: string, hostname?: string): Promise<DeviceDto | undefined> {
    const devices = [...this.entries.values()].map((entry) => entry.device);
    const byAddress = devices.filter((device) => device.host === address);
    if (byAddress.length === 1) return byAddress[0];
    if (!hostname) return undefined;
    const wanted = hostname.toLowerCase();
    return devices.find((device) => device.name.toLowerCase() === wanted);
  }

  async recordFacts(deviceId: string, facts: UpdateDeviceFactsDto): Promise<void> {
    const entry = this.entry(deviceId);
    this.facts.set(deviceId, facts);
    entry.device = {
      ...entry.device,
      facts: { model: facts.model ?? null, serial: facts.serial ?? null, osVersion: facts.osVersion ?? null, collectedAt: new Date().toISOString() },
    };
  }

  private insert(record: LabInventoryRecord, index: number, snmp?: LabSnmpMode): string {
    const id = LabInventoryPort.idOf(record.name);
    const now = new Date(0).toISOString();
    const { options } = this;
    this.entries.set(id, {
      record,
      snmp: snmp ?? (record.snmp ? (options.snmp?.(record.name, index) ?? 'v2c') : 'none'),
      device: {
        id,
        name: record.name,
        host: record.host,
        port: record.port,
        platform: findPlatform(record.platform)?.name ?? record.platform,
        site: options.site?.(record.name, index) ?? null,
        siteId: null,
        role: options.role?.(record.name, index) ?? null,
        tags: options.tags?.(record.name, index) ?? [],
        enabled: true,
        credentialId: null,
        snmp: null,
        notes: null,
        facts: { model: null, serial: null, osVersion: null, collectedAt: null },
        createdAt: now,
        updatedAt: now,
      },
    });
    return id;
  }

  private entry(deviceId: string): LabEntry {
    const entry = this.entries.get(deviceId);
    if (!entry) throw new NotFoundError(`device ${deviceId} does not exist`);
    return entry;
  }
}

function snmpSettings(record: LabInventoryRecord, mode: LabSnmpMode): SnmpConnectionSettings | null {
  if (mode === 'none' || !record.snmp) return null;
  const { port, community, v3 } = record.snmp;
  if (mode === 'v2c') return { version: '2c', port, community };
  return { version: '3', port, username: v3.user, authProtocol: v3.authProtocol, authKey: v3.authKey, privProtocol: v3.privProtocol, privKey: v3.privKey };
}
