import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './run-command';

/**
 * buildah's global options for a private container storage in `storageDir`: vfs needs no kernel
 * overlay support, and nothing is shared with another build or with the machine's own images.
 */
export function buildahStorageArguments(storageDir: string): string[] {
  return ['--root', join(storageDir, 'root'), '--runroot', join(storageDir, 'run'), '--storage-driver', 'vfs'];
}

// Root can delete the storage directly; a rootless buildah's files belong to its user namespace.
export async function removeBuildahStorage(storageDir: string): Promise<void> {
  if (process.getuid?.() === 0) await rm(storageDir, { recursive: true, force: true });
  else await runCommand('buildah', ['unshare', 'rm', '-rf', storageDir]);
}
