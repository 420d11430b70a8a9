import { CsvError, parse } from 'csv-parse/sync';
import { unguardSpreadsheetCell } from '../shared/spreadsheet-cells';
import { fileProblem, type ImportRow } from './import-row';
import { asBoolean, asInteger, asTagList, assignDefined } from './source-values';

/** Columns of a device CSV; the export writes the same ones minus the secrets. */
export const DEVICE_CSV_COLUMNS = [
  'name',
  'host',
  'port',
  'platform',
  'site',
  'role',
  'tags',
  'enabled',
  'credential',
  'notes',
  'snmp_version',
  'snmp_port',
  'snmp_community',
  'snmp_username',
  'snmp_auth_protocol',
  'snmp_auth_key',
  'snmp_priv_protocol',
  'snmp_priv_key',
] as const;

type CsvColumn = (typeof DEVICE_CSV_COLUMNS)[number];
type CsvRecord = Partial<Record<CsvColumn, string>>;

/**
 * A device CSV: a header row of known columns (any order, any case), then one device per line.
 * An empty cell means "not given": a new device gets the default, an existing one keeps its value.
 * `tags` is a comma- or |-separated list; `credential` names a stored credential.
 */
export function parseDeviceCsv(content: unknown): ImportRow[] {
  if (typeof content !== 'string') throw fileProblem('a CSV import needs the file as the request body (Content-Type: text/csv)');
  if (content.trim() === '') throw fileProblem('the file is empty');
  let records: { record: CsvRecord; info: { lines: number } }[];
  try {
    records = parse(content, {
      bom: true,
      columns: checkHeader,
      info: true,
      skip_empty_lines: true,
      trim: true,
    }) as { record: CsvRecord; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) throw fileProblem(`not valid CSV: ${error.message}`, Number((error as CsvError & { lines?: number }).lines ?? 0));
    throw error;
  }
  if (records.length === 0) throw fileProblem('the file has a header but no devices');
  return records.map(({ record, info }) => toRow(record, info.lines));
}

function checkHeader(header: string[]): string[] {
  const columns = header.map((column) => column.trim().toLowerCase());
  const unknown = columns.filter((column) => !(DEVICE_CSV_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0) {
    throw fileProblem(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}; known columns: ${DEVICE_CSV_COLUMNS.join(', ')}`, 1);
  }
  const repeated = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (repeated.length > 0) throw fileProblem(`column "${repeated[0]}" appears more than once`, 1);
  if (!columns.includes('name')) throw fileProblem('the header has no "name" column', 1);
  return columns;
}

function toRow(record: CsvRecord, line: number): ImportRow {
  const cell = (column: CsvColumn): string | undefined => {
    const value = record[column];
    return value === undefined || value === '' ? undefined : unguardSpreadsheetCell(value);
  };
  const device: Record<string, unknown> = {};
  assignDefined(device, {
    name: cell('name'),
    host: cell('host'),
    port: cell('port') === undefined ? undefined : asInteger(cell('port')),
    platform: cell('platform'),
    site: cell('site'),
    role: cell('role'),
    tags: record.tags === undefined ? undefined : asTagList(unguardSpreadsheetCell(record.tags)),
    enabled: cell('enabled') === undefined ? undefined : asBoolean(cell('enabled')),
    notes: cell('notes'),
  });
  const snmp = snmpFrom(cell);
  if (snmp) device['snmp'] = snmp;
  const credential = cell('credential');
  return {
    row: line,
    name: cell('name') ?? null,
    device,
    ...(credential === undefined ? {} : { credential: { kind: 'existing', name: credential } }),
  };
}

/** SNMP columns to the API's snmp object; the version may be left out when community or username says it. */
function snmpFrom(cell: (column: CsvColumn) => string | undefined): Record<string, unknown> | undefined {
  const given = {
    port: cell('snmp_port') === undefined ? undefined : asInteger(cell('snmp_port')),
    community: cell('snmp_community'),
    username: cell('snmp_username'),
    authProtocol: cell('snmp_auth_protocol')?.toLowerCase(),
    authKey: cell('snmp_auth_key'),
    privProtocol: cell('snmp_priv_protocol')?.toLowerCase(),
    privKey: cell('snmp_priv_key'),
  };
  let version = cell('snmp_version');
  const anyGiven = Object.values(given).some((value) => value !== undefined);
  if (version === undefined && !anyGiven) return undefined;
  if (version === undefined) version = given.community !== undefined ? '2c' : given.username !== undefined ? '3' : undefined;
  const snmp: Record<string, unknown> = {};
  assignDefined(snmp, { version: version?.toLowerCase().replace(/^v/, ''), ...given });
  return snmp;
}
