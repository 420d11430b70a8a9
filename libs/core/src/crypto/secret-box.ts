import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SealedSecretError } from './secret-box.error';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * Secrets at rest: AES-256-GCM with a random 12-byte IV per seal, serialised as
 * `v1:<iv>:<tag>:<ciphertext>` (base64). The version prefix lets a later key or
 * algorithm change coexist with rows sealed before it.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new RangeError(`SecretBox needs a ${KEY_BYTES}-byte key (got ${key.length} bytes)`);
    this.#key = Buffer.from(key);
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv, { authTagLength: TAG_BYTES });
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
  }

  open(sealed: string): string {
    const parts = sealed.split(':');
    if (parts[0] !== VERSION && /^v\d+$/.test(parts[0] ?? '')) {
      throw new SealedSecretError('unsupported-version', `sealed secret has version ${parts[0]}; this netkeep reads ${VERSION}`);
    }
    if (parts.length !== 4 || parts[0] !== VERSION) throw new SealedSecretError('malformed', 'sealed secret is not in the v1:<iv>:<tag>:<ciphertext> form');
    const [, ivText, tagText, ciphertextText] = parts as [string, string, string, string];
    const iv = Buffer.from(ivText, 'base64');
    const tag = Buffer.from(tagText, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealedSecretError('malformed', 'sealed secret has a malformed IV or tag');
    try {
      const decipher = createDecipheriv(ALGORITHM, this.#key, iv, { authTagLength: TAG_BYTES });
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(ciphertextText, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SealedSecretError(
        'wrong-key-or-tampered',
        'cannot open sealed secret: it was sealed with a different NETKEEP_SECRET_KEY or has been altered',
      );
    }
  }

  /** True when `value` looks like something `seal` produced (for migrations that encrypt legacy plaintext). */
  static isSealed(value: string): boolean {
    return /^v\d+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/.test(value);
  }
}
