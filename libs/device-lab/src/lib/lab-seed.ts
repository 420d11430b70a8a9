import { createHmac } from 'node:crypto';

/**
 * Every generated value (passwords, host keys, fault placement) derives from the lab seed
 * and a purpose string, so two runs with the same options build identical devices.
 */
export function deriveBytes(seed: string, purpose: string): Buffer {
  return createHmac('sha256', seed).update(purpose).digest();
}

/** A printable secret: letters and digits only, so it survives shells, URLs and CLIs. */
export function deriveSecret(seed: string, purpose: string, length = 16): string {
  return deriveBytes(seed, purpose).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, length);
}
