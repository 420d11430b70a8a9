import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ScratchOciArchiveOptions {
  /** Written as an OCI archive (`oci-archive:`); must not contain ":". */
  archivePath: string;
  /** The name the archive carries, as a built service image's does. */
  reference: string;
  /** Files of the image's one layer, by absolute path in the image. */
  files: Record<string, string>;
}

/**
 * A tiny image FROM scratch, committed by buildah in a private vfs storage and written as an OCI
 * archive: what a push test needs in a second or two, without building a service.
 */
export async function buildScratchOciArchive(options: ScratchOciArchiveOptions): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), 'netkeep-scratch-image-'));
  const storage = ['--root', join(workDir, 'root'), '--runroot', join(workDir, 'run'), '--storage-driver', 'vfs'];
  const buildah = async (...args: string[]): Promise<string> => (await run('buildah', [...storage, ...args])).stdout.trim();
  try {
    const container = await buildah('from', '--quiet', 'scratch');
    for (const [index, [destination, content]] of Object.entries(options.files).entries()) {
      const source = join(workDir, `file-${index}`);
      await writeFile(source, content);
      await buildah('copy', '--quiet', container, source, destination);
    }
    const imageId = await buildah('commit', '--quiet', '--rm', container);
    await rm(options.archivePath, { force: true });
    await buildah('push', '--quiet', imageId, `oci-archive:${options.archivePath}:${options.reference}`);
  } finally {
    // A rootless buildah's files belong to its user namespace.
    if (process.getuid?.() === 0) await rm(workDir, { recursive: true, force: true });
    else await run('buildah', ['unshare', 'rm', '-rf', workDir]);
  }
}
