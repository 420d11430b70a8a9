import { CreateCredentialDto } from '@netkeep/contracts';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { canonicalPlatform, unknownPlatformProblem } from '../shared/platforms';
import { nameKey } from '../store/name-key';
import type { ImportProblem, ImportRow } from './import-row';
import { ImportedDevice } from './imported-device';

/** A login given inline in the file, validated. */
export interface InlineLogin {
  username: string;
  password?: string;
  enableSecret?: string;
  namePrefix: string;
}

/** A row after validation: fields typed, platform canonical. */
export interface CheckedRow {
  row: number;
  device: ImportedDevice;
  /** Canonical platform, when the row gives one. */
  platform?: string;
  credential?: { kind: 'existing'; name: string } | ({ kind: 'inline' } & InlineLogin);
}

const VALIDATION = { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } } as const;

/**
 * Validates every row with the API's own rules (class-validator) and collects every problem of
 * every row: an import is all-or-nothing, and the caller must learn all that is wrong at once.
 */
export async function validateImportRows(rows: readonly ImportRow[]): Promise<{ checked: CheckedRow[]; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  // Rows with problems stay in the list, so the store checks (host needed for a new device, the
  // credential exists) can add theirs: the rejection then lists everything at once.
  const checked: CheckedRow[] = [];
  for (const row of rows) {
    const report = (field: string, messages: string[]) => problems.push({ row: row.row, name: row.name, field, problems: messages });
    const device = plainToInstance(ImportedDevice, row.device);
    const errors = await validate(device, VALIDATION);
    for (const { field, problems: messages } of flatten(errors)) report(field, messages);

    let platform: string | undefined;
    if (typeof device.platform === 'string') {
      platform = canonicalPlatform(device.platform);
      if (platform === undefined) report('platform', [unknownPlatformProblem(device.platform)]);
    }

    let credential: CheckedRow['credential'];
    if (row.credential?.kind === 'existing') credential = row.credential;
    else if (row.credential?.kind === 'inline') {
      const { username, password, enableSecret, namePrefix } = row.credential;
      const login = plainToInstance(CreateCredentialDto, { name: namePrefix, username, password, enableSecret });
      const loginErrors = await validate(login, VALIDATION);
      for (const { field, problems: messages } of flatten(loginErrors)) report(`credential.${field}`, messages);
      if (loginErrors.length === 0) credential = { kind: 'inline', username: login.username, password: login.password ?? undefined, enableSecret: login.enableSecret ?? undefined, namePrefix };
    }
    if (typeof device.name === 'string') checked.push({ row: row.row, device, platform, credential });
  }
  problems.push(...duplicateNames(rows));
  return { checked, problems };
}

/** Two rows naming one device (names are case-insensitive) would make the result depend on row order. */
function duplicateNames(rows: readonly ImportRow[]): ImportProblem[] {
  const rowsByName = new Map<string, ImportRow[]>();
  for (const row of rows) {
    if (typeof row.device['name'] !== 'string') continue;
    const key = nameKey(row.device['name']);
    rowsByName.set(key, [...(rowsByName.get(key) ?? []), row]);
  }
  return [...rowsByName.values()]
    .filter((same) => same.length > 1)
    .flatMap((same) =>
      same.slice(1).map((row) => ({
        row: row.row,
        name: row.name,
        field: 'name',
        problems: [`the device "${row.name}" appears more than once in this import (rows ${same.map((r) => r.row).join(', ')})`],
      })),
    );
}

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    return [...(own.length > 0 ? [{ field, problems: own }] : []), ...flatten(error.children ?? [], field)];
  });
}
