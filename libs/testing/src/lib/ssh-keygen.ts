import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface GeneratedKeyPair {
  privateKeyPath: string;
  /** The OpenSSH private key file, unencrypted. */
  privateKey: string;
  /** The `.pub` line: `ssh-ed25519 AAAA… comment`. */
  publicKey: string;
  /** `SHA256:…` exactly as `ssh-keygen -lf` prints it. */
  fingerprint: string;
}

/** An ed25519 key pair made by the real ssh-keygen, so the files are what OpenSSH itself writes. */
export async function generateEd25519KeyPair(privateKeyPath: string, comment: string): Promise<GeneratedKeyPair> {
  await execFileAsync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', privateKeyPath]);
  const [privateKey, publicKey] = await Promise.all([
    readFile(privateKeyPath, 'utf8'),
    readFile(`${privateKeyPath}.pub`, 'utf8'),
  ]);
  return { privateKeyPath, privateKey, publicKey: publicKey.trim(), fingerprint: await sha256Fingerprint(`${privateKeyPath}.pub`) };
}

/** `256 SHA256:abc… comment (ED25519)` → `SHA256:abc…`. */
async function sha256Fingerprint(publicKeyPath: string): Promise<string> {
  const { stdout } = await execFileAsync('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyPath]);
  const fingerprint = stdout.split(/\s+/)[1];
  if (!fingerprint?.startsWith('SHA256:')) throw new Error(`unexpected ssh-keygen -lf output: ${stdout.trim()}`);
  return fingerprint;
}
