import { sha256Hex } from '../shared/text-lines';

export const CONFIGS_DIRECTORY = 'configs';
export const CONFIG_FILE_EXTENSION = '.cfg';

const STEM_MAX_LENGTH = 80;
const UNSAFE_RUN = /[^A-Za-z0-9._-]+/g;
/** Names Windows reserves whatever the extension: a clone there would fail on `con.cfg`. */
const RESERVED_ON_WINDOWS = /^(?:con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)$/i;

/**
 * A file name stem for a device name users typed: only `[A-Za-z0-9._-]`, no `..`, no leading
 * dot or dash, at most 80 characters before the suffix. When the name had to change (or is a
 * name Windows reserves) a short hash of the original is appended, so `core/1` and `core 1`
 * get different files; a name that is already safe keeps its own name.
 */
export function deviceFileStem(deviceName: string): string {
  const safe = sanitise(deviceName);
  const changed = safe !== deviceName || RESERVED_ON_WINDOWS.test(safe.split('.')[0] ?? '');
  return changed ? `${safe}-${shortHash(deviceName)}` : safe;
}

/**
 * The candidates for a device's file, best first: its stem, then the stem with a hash of the
 * device id (two devices whose names map to one stem, or differ only in case), then numbered.
 */
export function* deviceFilePaths(deviceName: string, deviceId: string): Generator<string> {
  const stem = deviceFileStem(deviceName);
  yield configFilePath(stem);
  const byId = `${stem}-${shortHash(`device-id:${deviceId}`)}`;
  yield configFilePath(byId);
  for (let n = 2; ; n++) yield configFilePath(`${byId}-${n}`);
}

export function configFilePath(stem: string): string {
  return `${CONFIGS_DIRECTORY}/${stem}${CONFIG_FILE_EXTENSION}`;
}

/** Whether `path` is a file this archive writes (`configs/<stem>.cfg`, no sub-directory). */
export function isConfigFilePath(path: string): boolean {
  return path.startsWith(`${CONFIGS_DIRECTORY}/`) && path.endsWith(CONFIG_FILE_EXTENSION) && !path.slice(CONFIGS_DIRECTORY.length + 1).includes('/');
}

function sanitise(name: string): string {
  const stem = name
    // "Zürich" → "Zurich": decompose, then drop the combining marks.
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(UNSAFE_RUN, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[._-]+/, '')
    .slice(0, STEM_MAX_LENGTH)
    .replace(/[._-]+$/, '');
  return stem === '' ? 'device' : stem;
}

function shortHash(text: string): string {
  return sha256Hex(text).slice(0, 8);
}
