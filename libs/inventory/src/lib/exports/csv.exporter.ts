import type { DeviceDto } from '@netkeep/contracts';
import { stringify } from 'csv-stringify/sync';
import { guardSpreadsheetCell } from '../shared/spreadsheet-cells';

/** The import's CSV columns without SNMP (whose secrets never leave): export, edit, re-import. */
export const DEVICE_EXPORT_CSV_COLUMNS = ['name', 'host', 'port', 'platform', 'site', 'role', 'tags', 'enabled', 'credential', 'notes'] as const;

export function devicesToCsv(devices: readonly DeviceDto[], credentialNames: ReadonlyMap<string, string>): string {
  const records = devices.map((device) =>
    [
      device.name,
      device.host,
      String(device.port),
      device.platform,
      device.site ?? '',
      device.role ?? '',
      device.tags.join(','),
      String(device.enabled),
      device.credentialId === null ? '' : (credentialNames.get(device.credentialId) ?? ''),
      device.notes ?? '',
    ].map(guardSpreadsheetCell),
  );
  return stringify(records, { header: true, columns: [...DEVICE_EXPORT_CSV_COLUMNS], record_delimiter: 'unix' });
}
