import { buildScratchOciArchive, startFakeOciRegistry, type FakeOciRegistry } from '@netkeep/testing';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pushImageArchive } from './image-push';
import { readOciArchive, type OciArchive } from './oci-archive';

interface PushedManifest {
  config: { digest: string; size: number };
  layers: { digest: string; size: number; mediaType: string }[];
}

const FILE_IN_IMAGE = '/etc/netkeep-push-test.txt';
const FILE_CONTENT = 'pushed to a fake registry\n';

// Decided while the suite is collected, which cannot wait for a promise.
const hasBuildah = spawnSync('buildah', ['version'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasBuildah)(hasBuildah ? 'pushImageArchive with buildah to a fake registry' : 'pushImageArchive (skipped: buildah is not installed)', () => {
  let dir: string;
  let archivePath: string;
  let archive: OciArchive;
  let registry: FakeOciRegistry | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-image-push-spec-'));
    archivePath = join(dir, 'tiny.oci.tar');
    await buildScratchOciArchive({ archivePath, reference: 'localhost/netkeep/tiny:1.0.0', files: { [FILE_IN_IMAGE]: FILE_CONTENT } });
    archive = await readOciArchive(archivePath);
  });

  afterEach(async () => {
    await registry?.close();
    registry = undefined;
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("delivers the manifest and every blob with matching digests and returns the digest the registry stores: the archive's", async () => {
    registry = await startFakeOciRegistry();
    const reference = `${registry.host}/netkeep/tiny:1.0.0`;

    const pushed = await pushImageArchive({ archivePath, reference, engine: 'buildah', tlsVerify: false });

    const stored = registry.manifest('netkeep/tiny', '1.0.0');
    expect(stored).toBeDefined();
    expect(pushed).toEqual({ reference, digest: stored?.digest });
    // The registry serves the image that was built, not a recompressed copy of it.
    expect(stored?.digest).toBe(archive.manifestDigest);
    expect(stored?.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    const manifest = JSON.parse(stored?.body.toString('utf8') ?? '{}') as PushedManifest;
    expect(manifest.config.digest).toBe(archive.configDigest);
    expect(manifest.layers).toHaveLength(archive.layers.length);
    for (const descriptor of [manifest.config, ...manifest.layers]) {
      const blob = registry.blob('netkeep/tiny', descriptor.digest);
      expect(blob, descriptor.digest).toBeDefined();
      expect(`sha256:${createHash('sha256').update(blob ?? '').digest('hex')}`).toBe(descriptor.digest);
      expect(blob?.length).toBe(descriptor.size);
    }
    const layer = registry.blob('netkeep/tiny', manifest.layers[0]?.digest ?? '') ?? Buffer.alloc(0);
    expect(gunzipSync(layer).toString('latin1')).toContain(FILE_CONTENT);
  });

  it('removes the storage it pulled the archive into', async () => {
    registry = await startFakeOciRegistry();
    const leftovers = async (): Promise<string[]> => (await readdir(tmpdir())).filter((name) => name.startsWith('netkeep-image-push-') && !dir.endsWith(name));
    const before = await leftovers();

    await pushImageArchive({ archivePath, reference: `${registry.host}/netkeep/tiny:1.0.0`, engine: 'buildah', tlsVerify: false });

    expect(await leftovers()).toEqual(before);
  });

  it('authenticates with the credentials given, and a refused password appears in no error', async () => {
    const credentials = { username: 'netkeep-ci', password: 'correct horse battery staple' };
    registry = await startFakeOciRegistry({ credentials });
    const reference = `${registry.host}/netkeep/tiny:1.0.0`;

    await pushImageArchive({ archivePath, reference, engine: 'buildah', tlsVerify: false, credentials });
    const refused = await pushImageArchive({ archivePath, reference, engine: 'buildah', tlsVerify: false, credentials: { ...credentials, password: 'a wrong password' } }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );

    expect(registry.manifest('netkeep/tiny', '1.0.0')).toBeDefined();
    expect(registry.requests.filter((request) => request.method === 'PUT').every((request) => request.username === 'netkeep-ci')).toBe(true);
    expect(refused?.message).toMatch(/unauthorized|authentication required/i);
    expect(refused?.message).not.toContain('a wrong password');
  });
});
