import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArchivePush, PushedImage } from './image-push';
import { writeRegistryAuthFile } from './registry-auth-file';
import { runCommand } from './run-command';

/** podman and docker push from their own image store: load the archive, tag it with the registry reference, push. */
export async function pushLoadedImage(engine: 'podman' | 'docker', push: ArchivePush): Promise<PushedImage> {
  const workDir = await mkdtemp(join(tmpdir(), 'netkeep-image-push-'));
  try {
    const loaded = (await runCommand(engine, ['load', '--input', push.archivePath])).stdout;
    const source = [...loaded.matchAll(/^Loaded image(?:\(s\))?(?: ID)?: *(\S+)/gm)].pop()?.[1];
    if (!source) throw new Error(`${engine} load named no image for ${push.archivePath}:\n${loaded.trim()}`);
    await runCommand(engine, ['tag', source, push.reference]);
    // docker reads credentials from the config.json in DOCKER_CONFIG; podman takes an auth file.
    const authFile = join(workDir, engine === 'docker' ? 'config.json' : 'auth.json');
    if (push.credentials) await writeRegistryAuthFile(authFile, push.registryHost, push.credentials);
    if (engine === 'docker') {
      const env = push.credentials ? { ...process.env, DOCKER_CONFIG: workDir } : process.env;
      const { stdout } = await runCommand('docker', ['push', push.reference], { env });
      const digest = /digest: (sha256:[0-9a-f]{64})/.exec(stdout)?.[1];
      return { reference: push.reference, ...(digest ? { digest } : {}) };
    }
    const digestFile = join(workDir, 'digest');
    const auth = push.credentials ? ['--authfile', authFile] : [];
    await runCommand('podman', ['push', '--quiet', `--tls-verify=${push.tlsVerify ?? true}`, ...auth, '--digestfile', digestFile, push.reference]);
    const digest = (await readFile(digestFile, 'utf8')).trim();
    return { reference: push.reference, ...(digest ? { digest } : {}) };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
