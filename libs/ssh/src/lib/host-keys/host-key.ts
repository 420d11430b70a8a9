import { createHash } from 'node:crypto';

/** A server host key as SSH carries it: the algorithm and the key blob. */
export interface HostKey {
  algorithm: string;
  /** Base64 of the key blob, as in known_hosts. */
  base64: string;
}

export function hostKeyFromBlob(blob: Buffer): HostKey {
  const algorithmLength = blob.length >= 4 ? blob.readUInt32BE(0) : 0;
  const algorithm = blob.subarray(4, 4 + algorithmLength).toString('ascii') || 'unknown';
  return { algorithm, base64: blob.toString('base64') };
}

/** `SHA256:...` fingerprint, as `ssh-keygen -lf` prints it. */
export function hostKeyFingerprint(key: HostKey): string {
  const digest = createHash('sha256').update(Buffer.from(key.base64, 'base64')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

export function sameHostKey(a: HostKey, b: HostKey): boolean {
  return a.algorithm === b.algorithm && a.base64 === b.base64;
}

/** known_hosts names a non-22 port as `[host]:port`. */
export function hostKeyEntryName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}
