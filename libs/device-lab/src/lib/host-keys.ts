import { createHash, createPrivateKey, createPublicKey, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { utils, type ParsedKey } from 'ssh2';
import { deriveBytes } from './lab-seed';

const generateKeyPairAsync = promisify(generateKeyPair);

/** DER header of a PKCS#8 Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_HEADER = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Host keys of every device. Ed25519 keys derive from the lab seed, the device name and
 * a rotation counter (cheap, and stable across runs so known_hosts files stay valid);
 * RSA keys, needed only by the legacy fault, are generated on first use.
 */
export class LabHostKeys {
  private readonly rotations = new Map<string, number>();
  private readonly ed25519Keys = new Map<string, ParsedKey>();
  private readonly rsaKeys = new Map<string, Promise<ParsedKey>>();

  constructor(private readonly seed: string) {}

  ed25519(deviceName: string): ParsedKey {
    let key = this.ed25519Keys.get(deviceName);
    if (!key) {
      const seed = deriveBytes(this.seed, `host-key:${deviceName}:${this.rotation(deviceName)}`);
      key = ed25519FromSeed(seed, deviceName);
      this.ed25519Keys.set(deviceName, key);
    }
    return key;
  }

  rsa(deviceName: string): Promise<ParsedKey> {
    let key = this.rsaKeys.get(deviceName);
    if (!key) {
      key = generateRsaKey();
      this.rsaKeys.set(deviceName, key);
    }
    return key;
  }

  /** A new key for the device: the next connection presents it. */
  rotate(deviceName: string): void {
    this.rotations.set(deviceName, this.rotation(deviceName) + 1);
    this.ed25519Keys.delete(deviceName);
    this.rsaKeys.delete(deviceName);
  }

  private rotation(deviceName: string): number {
    return this.rotations.get(deviceName) ?? 0;
  }
}

/** OpenSSH's fingerprint format: `SHA256:` and the unpadded base64 of the public key blob. */
export function hostKeyFingerprint(key: ParsedKey): string {
  return `SHA256:${createHash('sha256').update(key.getPublicSSH()).digest('base64').replace(/=+$/, '')}`;
}

function ed25519FromSeed(seed: Buffer, comment: string): ParsedKey {
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_HEADER, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
  return parsed(openSshEd25519Pem(seed, publicKey, comment));
}

async function generateRsaKey(): Promise<ParsedKey> {
  const { privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return parsed(privateKey);
}

function parsed(pem: string): ParsedKey {
  const key = utils.parseKey(pem);
  if (key instanceof Error) throw key;
  return Array.isArray(key) ? key[0] : key;
}

/** ssh2 reads Ed25519 private keys only in OpenSSH's own format (PROTOCOL.key), unencrypted here. */
function openSshEd25519Pem(seed: Buffer, publicKey: Buffer, comment: string): string {
  const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(publicKey)]);
  const checkInt = seed.subarray(0, 4);
  const privateSection = Buffer.concat([
    checkInt,
    checkInt,
    sshString('ssh-ed25519'),
    sshString(publicKey),
    sshString(Buffer.concat([seed, publicKey])),
    sshString(comment),
  ]);
  const padding = Buffer.from(Array.from({ length: (8 - (privateSection.length % 8)) % 8 }, (_, i) => i + 1));
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(publicBlob),
    sshString(Buffer.concat([privateSection, padding])),
  ]);
  const base64Lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  return ['-----BEGIN OPENSSH PRIVATE KEY-----', ...base64Lines, '-----END OPENSSH PRIVATE KEY-----', ''].join('\n');
}

function sshString(value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  return Buffer.concat([uint32(bytes.length), bytes]);
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}
