/**
 * Deeper than any netkeep request needs (DTOs nest three levels, inventory files a handful):
 * Nest's pipe and class-transformer recurse once per level, so a deeper document would
 * overflow the stack and answer 500.
 */
export const MAX_INPUT_DEPTH = 32;

/** Whether `value` nests objects or arrays more than `maxDepth` deep. Iterative, so it cannot overflow itself. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** A JSON object, as a DTO body must be (not null, an array, a string or a number). */
export function isJsonObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where `value` holds a string with U+0000: '' for the value itself, else a dotted path
 * (`snmp.community`); undefined when nowhere. No netkeep value holds one, and PostgreSQL text
 * cannot store it (the query fails), so it is refused as input before anything reads it.
 */
export function nulCharacterAt(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, '']];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [current, path] = next;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    for (const [key, child] of Object.entries(current)) {
      if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
      pending.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return undefined;
}
