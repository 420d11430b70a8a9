import { stdSerializers } from 'pino';

export const REDACTED = '[redacted]';

const MAX_DEPTH = 10;

/**
 * A key whose value is a secret, by its name: anything about passwords, secrets and SNMP
 * communities, and names ending in token/key (adminToken, privateKey, authKey, privKey, x-api-key),
 * plus the Authorization and Cookie headers. `tokenId`, `keyPrefix` and the like stay visible.
 */
export function isSecretKey(name: string): boolean {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return (
    /(password|passwd|passphrase|secret|community)/.test(key) ||
    /(token|key|authorization|cookie)$/.test(key)
  );
}

/** Scrubs secrets that may sit inside free text: netkeep tokens, bearer credentials, URL passwords. */
export function scrubText(text: string): string {
  return text
    .replace(/\bnk_[A-Za-z0-9_-]{16,}/g, `nk_${REDACTED}`)
    .replace(/\b(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`)
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]+@/gi, '$1:***@');
}

/** A copy of `value` with every secret-named key replaced by `[redacted]`, at any depth; errors become plain objects. */
export function redactSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (value instanceof Date) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) return redactSecrets({ ...stdSerializers.err(value) }, depth + 1, seen);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen));
  if (value instanceof Map) return redactSecrets(Object.fromEntries(value), depth + 1, seen);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSecretKey(key) && item !== undefined && item !== null ? REDACTED : redactSecrets(item, depth + 1, seen);
  }
  return copy;
}
