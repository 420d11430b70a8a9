import type { Algorithms } from 'ssh2';

/**
 * Named algorithm sets. Old gear (IOS 12.x, early NX-OS, small switches) speaks only CBC
 * ciphers or SHA-1 Diffie-Hellman; modern clients refuse both by default, so a device
 * gets the weakest profile it needs and no weaker.
 */
export type CryptoProfileName = 'modern' | 'legacy-cbc' | 'legacy-dh';

const MODERN_KEX: Algorithms['kex'] = [
  'curve25519-sha256',
  'curve25519-sha256@libssh.org',
  'ecdh-sha2-nistp256',
  'ecdh-sha2-nistp384',
  'ecdh-sha2-nistp521',
  'diffie-hellman-group-exchange-sha256',
  'diffie-hellman-group14-sha256',
  'diffie-hellman-group16-sha512',
];
const MODERN_CIPHERS: Algorithms['cipher'] = [
  'aes128-gcm@openssh.com',
  'aes256-gcm@openssh.com',
  'aes128-ctr',
  'aes256-ctr',
  'chacha20-poly1305@openssh.com',
];
const MODERN_MACS: Algorithms['hmac'] = ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512'];
const MODERN_HOST_KEYS: Algorithms['serverHostKey'] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
];
const CBC_CIPHERS: Algorithms['cipher'] = ['aes128-cbc', 'aes256-cbc', 'aes192-cbc', '3des-cbc'];
const SHA1_MACS: Algorithms['hmac'] = ['hmac-sha1', 'hmac-sha1-96', 'hmac-md5'];

export const CRYPTO_PROFILES: Readonly<Record<CryptoProfileName, Algorithms>> = {
  modern: { kex: MODERN_KEX, cipher: MODERN_CIPHERS, hmac: MODERN_MACS, serverHostKey: MODERN_HOST_KEYS },
  'legacy-cbc': {
    kex: MODERN_KEX,
    cipher: [...MODERN_CIPHERS, ...CBC_CIPHERS],
    hmac: [...MODERN_MACS, ...SHA1_MACS],
    serverHostKey: [...MODERN_HOST_KEYS, 'ssh-rsa'],
  },
  'legacy-dh': {
    kex: [...MODERN_KEX, 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group14-sha1', 'diffie-hellman-group1-sha1'],
    cipher: [...MODERN_CIPHERS, ...CBC_CIPHERS],
    hmac: [...MODERN_MACS, ...SHA1_MACS],
    serverHostKey: [...MODERN_HOST_KEYS, 'ssh-rsa', 'ssh-dss'],
  },
};

/** Order tried when a device has no profile pinned: strongest first. */
export const CRYPTO_FALLBACK_ORDER: readonly CryptoProfileName[] = ['modern', 'legacy-cbc', 'legacy-dh'];

export function isCryptoProfileName(value: string): value is CryptoProfileName {
  return (CRYPTO_FALLBACK_ORDER as readonly string[]).includes(value);
}
