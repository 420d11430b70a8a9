import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What known_hosts says about the key a host presented. */
export type HostKeyVerdict = 'known' | 'unknown' | 'mismatch';

/** The user's OpenSSH known_hosts, where both netkeep's node SSH clients (the installer, image import) look by default. */
export const DEFAULT_KNOWN_HOSTS = join(homedir(), '.ssh', 'known_hosts');

/**
 * Checks a host key against an OpenSSH known_hosts file: plain and hashed (`|1|`) names,
 * `[host]:port` for ports other than 22, comma-separated name lists. Marker lines
 * (@cert-authority, @revoked) are not interpreted.
 */
export function checkKnownHost(knownHostsFile: string, host: string, port: number, keyBlob: Buffer): HostKeyVerdict {
  let text: string;
  try {
    text = readFileSync(knownHostsFile, 'utf8');
  } catch {
    return 'unknown';
  }
  const name = port === 22 ? host : `[${host}]:${port}`;
  const key = keyBlob.toString('base64');
  let listed = false;
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    const names = fields[0];
    if (!names || names.startsWith('#') || names.startsWith('@') || fields.length < 3) continue;
    if (!names.split(',').some((pattern) => nameMatches(pattern, name))) continue;
    listed = true;
    if (fields[2] === key) return 'known';
  }
  return listed ? 'mismatch' : 'unknown';
}

/** `SHA256:…`, as `ssh-keygen -lf` prints a key. */
export function hostKeyFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

function nameMatches(pattern: string, name: string): boolean {
  if (!pattern.startsWith('|1|')) return pattern.toLowerCase() === name.toLowerCase();
  // Hashed entry: |1|base64(salt)|base64(HMAC-SHA1(salt, name))
  const [, , salt, hash] = pattern.split('|');
  if (!salt || !hash) return false;
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}
