import type { SecretRule } from '../platform-definition';

/** What a masked secret reads as in a stored configuration. */
export const SECRET_MARKER = '<secret hidden>';

const MARKER_SOURCE = SECRET_MARKER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One secret value: quoted (`"a b"`, kept quoted) or a run of non-blanks. An already masked
 * value matches as itself, so rules may overlap and cleaning twice changes nothing.
 */
const SECRET_VALUE = `(?<q>"?)(?:${MARKER_SOURCE}|(?<=")(?:[^"\\\\]|\\\\.)+(?=")|[^"\\s]+)\\k<q>`;

/**
 * Masks the value that follows `prefix` (regex source, its own groups allowed except one
 * named `q`) and keeps everything else: `snmp-server community public RO` → `… <secret hidden> RO`.
 */
export function maskValueAfter(prefix: string, options: { flags?: string; suffix?: string } = {}): SecretRule {
  return maskValuesAfter([prefix], options);
}

/**
 * One rule for many prefixes: a line is matched once against all of them instead of once
 * per prefix, which is what keeps cleaning a large configuration cheap.
 */
export function maskValuesAfter(prefixes: readonly string[], options: { flags?: string; suffix?: string } = {}): SecretRule {
  const prefix = prefixes.length === 1 ? prefixes[0] : prefixes.map((source) => `(?:${source})`).join('|');
  return {
    pattern: new RegExp(`(${prefix})${SECRET_VALUE}${options.suffix ?? ''}`, options.flags ?? ''),
    replacement: `$1$<q>${SECRET_MARKER}$<q>`,
  };
}

/** Masks a whole token such as a cipher blob (`%^%#…%^%#`), whatever it contains. */
export function maskToken(pattern: RegExp): SecretRule {
  return { pattern, replacement: SECRET_MARKER };
}
