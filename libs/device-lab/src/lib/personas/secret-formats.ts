import { ALPHANUMERIC, HEX_DIGITS, SeededRandom } from './seeded-random';

/**
 * Secrets in the shapes vendors print them. Hashes are random strings in the right
 * alphabet and length (nothing verifies them); reversible encodings are real.
 */

const CRYPT_ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CISCO_SCRYPT_ALPHABET = CRYPT_ALPHABET;
const JUNOS_9_ALPHABET = 'QzF3n6/9CAtpu0OB1IREhcSyrleKvMW8LXx7N-dVbwsY2g4oaJZGUDjiHkq.mPf5T';
/** Printable characters seen in Huawei `cipher` blobs, without `%`, quotes, `#` and space. */
const HUAWEI_CIPHER_ALPHABET = `${ALPHANUMERIC}!&()*+,-./:;<=>?@[]^_{|}~$`;
const CISCO_TYPE7_KEY = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';

/** `$1$salt$hash`: md5crypt, Cisco type 5, old Linux and Junos hashes. */
export const md5Crypt = (rng: SeededRandom): string => `$1$${rng.chars(4, CRYPT_ALPHABET)}$${rng.chars(22, CRYPT_ALPHABET)}`;

/** `$5$salt$hash`: sha256crypt, NX-OS `password 5`. */
export const sha256Crypt = (rng: SeededRandom): string => `$5$${rng.chars(8, CRYPT_ALPHABET)}$${rng.chars(43, CRYPT_ALPHABET)}`;

/** `$6$salt$hash`: sha512crypt (Junos, EOS, IOS XR type 10, Linux). */
export const sha512Crypt = (rng: SeededRandom): string => `$6$${rng.chars(16, CRYPT_ALPHABET)}$${rng.chars(86, CRYPT_ALPHABET)}`;

/** `$9$salt$hash`: Cisco IOS type 9 (scrypt). */
export const ciscoType9 = (rng: SeededRandom): string =>
  `$9$${rng.chars(14, CISCO_SCRYPT_ALPHABET)}$${rng.chars(43, CISCO_SCRYPT_ALPHABET)}`;

/** Cisco type 7, the reversible Vigenère-like encoding (`password 7 0822455D0A16`). */
export function ciscoType7(plain: string, rng: SeededRandom): string {
  const salt = rng.int(0, 15);
  let encoded = String(salt).padStart(2, '0');
  for (let i = 0; i < plain.length; i++) {
    const key = CISCO_TYPE7_KEY.charCodeAt((salt + i) % CISCO_TYPE7_KEY.length);
    encoded += (plain.charCodeAt(i) ^ key).toString(16).toUpperCase().padStart(2, '0');
  }
  return encoded;
}

/** Junos `$9$…` reversible secret (random body in the Junos alphabet). */
export const junosType9 = (rng: SeededRandom, plainLength: number): string =>
  `$9$${rng.chars(plainLength * 2 + rng.int(2, 5), JUNOS_9_ALPHABET)}`;

/** Huawei `cipher %^%#…%^%#` blob. */
export const huaweiCipher = (rng: SeededRandom): string => `%^%#${rng.chars(48, HUAWEI_CIPHER_ALPHABET)}%^%#`;

/** Huawei `irreversible-cipher $1c$…$` blob. */
export const huaweiIrreversible = (rng: SeededRandom): string => `$1c$${rng.chars(52, HUAWEI_CIPHER_ALPHABET.replace('$', ''))}$`;

/** A 32-byte key in base64 (WireGuard private keys). */
export const base64Key = (rng: SeededRandom): string => Buffer.from(rng.bytes(32)).toString('base64');

/** An upper-case hex string (NX-OS type 3 keys, SNMP localized keys). */
export const hexKey = (rng: SeededRandom, length: number): string => rng.chars(length, HEX_DIGITS).toUpperCase();

/** A plain-text password: letters, digits and one symbol that needs no quoting in any CLI. */
export const plainPassword = (rng: SeededRandom, length = 12): string =>
  `${rng.chars(length - 2, ALPHANUMERIC)}${rng.pick(['-', '_', '.'])}${rng.int(0, 9)}`;
