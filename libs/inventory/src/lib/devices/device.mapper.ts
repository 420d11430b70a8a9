import type { DeviceDto } from '@netkeep/contracts';
import type { StoredDevice } from './devices.repository';
import { snmpView } from './device-snmp';

/** A stored device as every endpoint shows it: no secrets. */
export function toDeviceDto(row: StoredDevice): DeviceDto {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    platform: row.platform,
    site: row.site_name,
    siteId: row.site_id,
    role: row.role,
    tags: row.tags,
    enabled: row.enabled === 1,
    credentialId: row.credential_id,
    snmp: snmpView(row),
    notes: row.notes,
    facts: {
      model: row.facts_model,
      serial: row.facts_serial,
      osVersion: row.facts_os_version,
      collectedAt: row.facts_collected_at,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
