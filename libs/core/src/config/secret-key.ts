import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

export const SECRET_KEY_BYTES = 32;

/** Decodes a 32-byte key written as 64 hex digits or as base64/base64url; a string says what is wrong. */
export function decodeSecretKey(text: string): Buffer | string {
  const trimmed = text.trim();
  // All hex digits: hex, unless it is exactly as long as base64 of a 32-byte key (43 or 44 characters).
  if (/^[0-9a-fA-F]+$/.test(trimmed) && trimmed.length % 2 === 0 && trimmed.length !== 44) {
    const key = Buffer.from(trimmed, 'hex');
    return key.length === SECRET_KEY_BYTES ? key : `got ${key.length} bytes`;
  }
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return 'it is neither hex nor base64';
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== SECRET_KEY_BYTES) return `got ${key.length} bytes`;
  return key;
}

/**
 * Embedded mode's key: read from `path`, or generated there once (mode 0600, exclusive create so
 * two processes starting together cannot each write a different key).
 */
export function readOrCreateSecretKeyFile(path: string): Buffer | string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return `cannot read ${path}: ${(error as Error).message}`;
    try {
      writeFileSync(path, `${randomBytes(SECRET_KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') return `cannot write ${path}: ${(writeError as Error).message}`;
    }
    text = readFileSync(path, 'utf8');
  }
  const key = decodeSecretKey(text);
  return typeof key === 'string' ? `${path} does not hold a valid key (${key})` : key;
}
