import type { SnmpSettingsDto } from '@netkeep/contracts';
import { DEFAULT_SNMP_PORT } from '@netkeep/contracts';
import type { SecretBox } from '@netkeep/core';
import { snmpColumns, snmpSettings } from '../devices/device-snmp';
import type { DeviceValues, StoredDevice } from '../devices/devices.repository';
import type { CheckedRow } from './import-row.validator';

/** What an import row changes on a stored device; site and credential ids are set when applied. */
export interface DeviceChanges {
  values: Partial<DeviceValues>;
  tags?: string[];
  site: boolean;
  credential: boolean;
}

export function hasChanges(changes: DeviceChanges): boolean {
  return Object.keys(changes.values).length > 0 || changes.tags !== undefined || changes.site || changes.credential;
}

/**
 * The fields a row gives that differ from the stored device. `siteId`/`credentialId` are the
 * row's references: undefined when the row does not give one, null to clear, a new
 * (not yet stored) site or credential as `'new'`.
 */
export function deviceChanges(
  current: StoredDevice,
  row: CheckedRow,
  references: { siteId: string | null | 'new' | undefined; credentialId: string | 'new' | undefined },
  box: SecretBox,
): DeviceChanges {
  const { device } = row;
  const values: Partial<DeviceValues> = {};
  if (device.name !== current.name) values.name = device.name;
  if (device.host !== undefined && device.host !== current.host) values.host = device.host;
  if (device.port !== undefined && device.port !== current.port) values.port = device.port;
  if (row.platform !== undefined && row.platform !== current.platform) values.platform = row.platform;
  if (device.role !== undefined && device.role !== current.role) values.role = device.role;
  if (device.enabled !== undefined && (device.enabled ? 1 : 0) !== current.enabled) values.enabled = device.enabled ? 1 : 0;
  if (device.notes !== undefined && device.notes !== current.notes) values.notes = device.notes;
  if (device.snmp !== undefined && !sameSnmp(current, device.snmp, box)) Object.assign(values, snmpColumns(device.snmp, box));
  const tags = device.tags !== undefined && !sameSet(device.tags, current.tags) ? device.tags : undefined;
  return {
    values,
    ...(tags ? { tags } : {}),
    site: references.siteId !== undefined && references.siteId !== current.site_id,
    credential: references.credentialId !== undefined && references.credentialId !== current.credential_id,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** Compares settings and secrets: the stored ones are opened in memory for this comparison only. */
function sameSnmp(current: StoredDevice, wanted: SnmpSettingsDto | null, box: SecretBox): boolean {
  const stored = snmpSettings(current, box);
  if (wanted === null || stored === null) return wanted === stored;
  const normalised = { ...wanted, port: wanted.port ?? DEFAULT_SNMP_PORT };
  return canonical(normalised) === canonical(stored);
}

function canonical(value: object): string {
  const entries = Object.entries(value).filter(([, item]) => item !== undefined && item !== null);
  return JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)));
}
