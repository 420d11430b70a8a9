import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Where downloads and installs are kept between builds, each under a name that carries its
 * version and checksum, so a changed pin never reuses a stale entry. Outside the workspace on
 * purpose: an install there could resolve packages from the workspace's own node_modules.
 */
export function imageCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['NETKEEP_IMAGES_CACHE_DIR'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'netkeep-images');
}

export async function fileDigest(path: string, algorithm: 'sha256' | 'sha512', encoding: 'hex' | 'base64' = 'hex'): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest(encoding);
}

/** A fresh sibling of `finalPath` to build into; `publishEntry` moves it into place. */
export async function partialEntry(finalPath: string): Promise<string> {
  await mkdir(dirname(finalPath), { recursive: true });
  return `${finalPath}.partial-${randomBytes(4).toString('hex')}`;
}

/**
 * Moves a finished entry into place in one rename, so a reader never sees half of one. When a
 * concurrent build published the same entry first, that one is kept: both came from the same pins.
 */
export async function publishEntry(partialPath: string, finalPath: string): Promise<void> {
  try {
    await rename(partialPath, finalPath);
  } catch (error) {
    if (!existsSync(finalPath)) throw error;
    await rm(partialPath, { recursive: true, force: true });
  }
}
