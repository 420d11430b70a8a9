/** Conversions from source-file values to netkeep field values. A value that does not convert is
 * passed through unchanged, so the row validator reports it with the field's own message. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asInteger(value: unknown): unknown {
  if (typeof value === 'string' && /^\s*\d{1,10}\s*$/.test(value)) return Number(value);
  return value;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off']);

export function asBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return value;
}

/** "core, edge" or "core|edge" (CSV) or a YAML list, to a list of tags. */
export function asTagList(value: unknown): unknown {
  if (typeof value === 'string') return value.split(/[,|]/).map((tag) => tag.trim()).filter((tag) => tag !== '');
  return value;
}

/** Scalars a YAML file may give where text is expected (a numeric community, a password of digits). */
export function asText(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
}

/** Copies the defined entries of `values` into `target`. */
export function assignDefined(target: Record<string, unknown>, values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) target[key] = value;
  }
}
