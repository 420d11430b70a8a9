import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildahStorageArguments, removeBuildahStorage } from './buildah-storage';
import type { ArchivePush, PushedImage } from './image-push';
import { writeRegistryAuthFile } from './registry-auth-file';
import { runCommand } from './run-command';

/**
 * buildah pushes only from a container storage: the archive is pulled into a private vfs
 * storage (the machine's own images are not touched), pushed, and the storage removed.
 */
export async function pushWithBuildah(push: ArchivePush): Promise<PushedImage> {
  const workDir = await mkdtemp(join(tmpdir(), 'netkeep-image-push-'));
  const storageDir = join(workDir, 'storage');
  const buildah = async (...args: string[]): Promise<string> => (await runCommand('buildah', [...buildahStorageArguments(storageDir), ...args])).stdout.trim();
  try {
    const imageId = (await buildah('pull', '--quiet', `oci-archive:${push.archivePath}`)).split('\n').pop() ?? '';
    const authFile = join(workDir, 'auth.json');
    if (push.credentials) await writeRegistryAuthFile(authFile, push.registryHost, push.credentials);
    const digestFile = join(workDir, 'digest');
    await buildah(
      'push',
      '--quiet',
      `--tls-verify=${push.tlsVerify ?? true}`,
      ...(push.credentials ? ['--authfile', authFile] : []),
      '--digestfile',
      digestFile,
      imageId,
      `docker://${push.reference}`,
    );
    const digest = (await readFile(digestFile, 'utf8')).trim();
    return { reference: push.reference, ...(digest ? { digest } : {}) };
  } finally {
    await removeBuildahStorage(workDir);
  }
}
