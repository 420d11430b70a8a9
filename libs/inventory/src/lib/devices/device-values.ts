import { DEFAULT_SSH_PORT, type SnmpSettingsDto } from '@netkeep/contracts';
import type { SecretBox } from '@netkeep/core';
import { snmpColumns } from './device-snmp';
import type { DeviceValues } from './devices.repository';

/** The fields of a new device as a request or an import row gives them. */
export interface NewDeviceInput {
  name: string;
  host: string;
  port?: number;
  role?: string | null;
  enabled?: boolean;
  snmp?: SnmpSettingsDto | null;
  notes?: string | null;
}

/** References already resolved against the store. */
export interface DeviceReferences {
  platform: string;
  siteId: string | null;
  credentialId: string | null;
}

/** A new device's columns, defaults applied and SNMP secrets sealed: one rule for POST and imports. */
export function newDeviceValues(input: NewDeviceInput, references: DeviceReferences, box: SecretBox): DeviceValues {
  return {
    name: input.name,
    host: input.host,
    port: input.port ?? DEFAULT_SSH_PORT,
    platform: references.platform,
    site_id: references.siteId,
    role: input.role ?? null,
    enabled: input.enabled === false ? 0 : 1,
    credential_id: references.credentialId,
    ...snmpColumns(input.snmp ?? null, box),
    notes: input.notes ?? null,
  };
}
