import type { DeviceConnectionDto, UpdateDeviceFactsDto } from '../inventory/device-connection.dto';
import type { DeviceDto } from '../inventory/device.dto';

/** Which devices a backup run, a policy or a poller covers: the inventory's list filters, or names and ids. */
export interface DeviceSelector {
  deviceIds?: string[];
  names?: string[];
  site?: string;
  role?: string;
  /** Platform name or alias. */
  platform?: string;
  /** Every tag must be present. */
  tags?: string[];
  /** Default: enabled devices only. */
  enabled?: boolean;
  q?: string;
}

/**
 * What other netkeep domains may ask of the inventory. In the embedded process the
 * inventory module answers in-process; a cluster service answers over HTTP with the
 * service token. Either way the caller sees the same contract.
 */
export interface InventoryPort {
  selectDevices(selector: DeviceSelector): Promise<DeviceDto[]>;
  getDevice(deviceId: string): Promise<DeviceDto | undefined>;
  /** Decrypted connection details; never returned to a user. */
  connection(deviceId: string): Promise<DeviceConnectionDto>;
  /** The device a syslog message came from: by source address, else by the hostname it names. */
  findBySyslogSource(address: string, hostname?: string): Promise<DeviceDto | undefined>;
  recordFacts(deviceId: string, facts: UpdateDeviceFactsDto): Promise<void>;
}

export const INVENTORY_PORT = Symbol.for('netkeep.InventoryPort');

/**
 * The Redis channel (under NETKEEP_REDIS_PREFIX) the inventory announces device changes on
 * (added, edited, removed, imported), so other services reconcile at once rather than at
 * their next periodic sync. The message carries nothing but the fact.
 */
export const INVENTORY_CHANGED_CHANNEL = 'inventory:changed';
