import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What known_hosts says about a host's key. */
export type HostKeyVerdict = 'known' | 'unknown' | 'mismatch';

/**
 * Checks a host key against an OpenSSH known_hosts file (plain or hashed names, `[host]:port`
 * for other ports). A node that is listed must present the listed key; the caller decides what
 * to do with a node that is not listed.
 */
export function checkKnownHost(host: string, port: number, keyBlob: Buffer, knownHostsPath = join(homedir(), '.ssh', 'known_hosts')): HostKeyVerdict {
  let text: string;
  try {
    text = readFileSync(knownHostsPath, 'utf8');
  } catch {
    return 'unknown';
  }
  const name = port === 22 ? host : `[${host}]:${port}`;
  const key = keyBlob.toString('base64');
  let listed = false;
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (!fields[0] || fields[0].startsWith('#') || fields[0].startsWith('@') || fields.length < 3) continue;
    if (!fields[0].split(',').some((pattern) => nameMatches(pattern, name))) continue;
    listed = true;
    if (fields[2] === key) return 'known';
  }
  return listed ? 'mismatch' : 'unknown';
}

/** `SHA256:…`, as ssh-keygen -lf prints a key. */
export function keyFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

function nameMatches(pattern: string, name: string): boolean {
  if (!pattern.startsWith('|1|')) return pattern === name;
  // Hashed entry: |1|base64(salt)|base64(HMAC-SHA1(salt, name))
  const [, , salt, hash] = pattern.split('|');
  if (!salt || !hash) return false;
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}
