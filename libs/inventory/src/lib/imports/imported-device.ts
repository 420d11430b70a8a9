import { DeviceField, type SnmpSettingsDto } from '@netkeep/contracts';

/**
 * A device as an import row gives it. Only the name is required here: an import upserts, and a
 * row for an existing device may carry just the fields to change. New devices also need host
 * and platform, checked once the store says which devices exist.
 */
export class ImportedDevice {
  @DeviceField.name('required') name!: string;
  @DeviceField.host('optional') host?: string;
  @DeviceField.port('optional') port?: number;
  @DeviceField.platform('optional') platform?: string;
  @DeviceField.site('nullable') site?: string | null;
  @DeviceField.role('nullable') role?: string | null;
  @DeviceField.tags('optional') tags?: string[];
  @DeviceField.enabled('optional') enabled?: boolean;
  @DeviceField.snmp('nullable') snmp?: SnmpSettingsDto | null;
  @DeviceField.notes('nullable') notes?: string | null;
}
