import type { DeviceConnectionDto, DeviceDto, DeviceSelector, InventoryPort, UpdateDeviceFactsDto } from '@netkeep/contracts';
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
}

export interface LabInventoryPortOptions {
  /** Inventory fields the lab has no notion of, per device. */
  site?: (name: string, index: number) => string | null;
  role?: (name: string, index: number) => string | null;
  tags?: (name: string, index: number) => string[];
}

interface LabEntry {
  device: DeviceDto;
  record: LabInventoryRecord;
}

/**
 * The InventoryPort for specs and benchmarks, answered from the device lab's inventory instead
 * of the inventory service: ids derive from device names, so every process that reads the same
 * lab inventory agrees on them. Facts written back are kept in memory (`facts`).
 */
export class LabInventoryPort implements InventoryPort {
  private readonly entries = new Map<string, LabEntry>();
  /** Facts recorded through the port, by device id. */
  readonly facts = new Map<string, UpdateDeviceFactsDto>();

  constructor(records: readonly LabInventoryRecord[], options: LabInventoryPortOptions = {}) {
    const now = new Date(0).toISOString();
    records.forEach((record, index) => {
      const id = LabInventoryPort.idOf(record.name);
      this.entries.set(id, {
        record,
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
    });
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
    const entry = this.entries.get(deviceId);
    if (!entry) throw new NotFoundError(`device ${deviceId} does not exist`);
    const { device, record } = entry;
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
      snmp: null,
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
    const entry = this.entries.get(deviceId);
    if (!entry) throw new NotFoundError(`device ${deviceId} does not exist`);
    this.facts.set(deviceId, facts);
    entry.device = {
      ...entry.device,
      facts: { model: facts.model ?? null, serial: facts.serial ?? null, osVersion: facts.osVersion ?? null, collectedAt: new Date().toISOString() },
    };
  }
}
