import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOciArchive } from './oci-archive';
import { runCommand } from './run-command';

const LAYER_TAR = Buffer.alloc(64 * 1024, 'netkeep layer bytes ');

describe('readOciArchive', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-oci-archive-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** An OCI image layout with one layer, tarred the way `buildah push oci-archive:` writes it. */
  async function writeArchive(layer: { mediaType: string; blob: Buffer }): Promise<{ path: string; manifestDigest: string }> {
    const layout = join(dir, 'layout');
    await mkdir(join(layout, 'blobs', 'sha256'), { recursive: true });
    const addBlob = async (content: Buffer): Promise<string> => {
      const hex = createHash('sha256').update(content).digest('hex');
      await writeFile(join(layout, 'blobs', 'sha256', hex), content);
      return `sha256:${hex}`;
    };
    const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { User: '65532:65532', Entrypoint: ['/nodejs/bin/node'] }, rootfs: { type: 'layers', diff_ids: [] } }));
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: await addBlob(config), size: config.length },
        layers: [{ mediaType: layer.mediaType, digest: await addBlob(layer.blob), size: layer.blob.length }],
      }),
    );
    const manifestDigest = await addBlob(manifest);
    await writeFile(
      join(layout, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: manifestDigest, size: manifest.length, annotations: { 'org.opencontainers.image.ref.name': 'localhost/netkeep/test:1' } }],
      }),
    );
    await writeFile(join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    const path = join(dir, 'image.oci.tar');
    await runCommand('tar', ['-cf', path, '-C', layout, 'blobs', 'index.json', 'oci-layout']);
    return { path, manifestDigest };
  }

  it('reads the reference, digests and config of the image the index names', async () => {
    const { path, manifestDigest } = await writeArchive({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', blob: gzipSync(LAYER_TAR) });
    const archive = await readOciArchive(path);
    expect(archive.reference).toBe('localhost/netkeep/test:1');
    expect(archive.manifestDigest).toBe(manifestDigest);
    expect(archive.config.config).toEqual({ User: '65532:65532', Entrypoint: ['/nodejs/bin/node'] });
  });

  it('weighs gzip layers as stored, and unpacked', async () => {
    const blob = gzipSync(LAYER_TAR);
    const archive = await readOciArchive((await writeArchive({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', blob })).path);
    expect(archive.compressedBytes).toBe(blob.length);
    expect(archive.uncompressedBytes).toBe(LAYER_TAR.length);
  });

  it('weighs uncompressed layers (docker save) as gzip would ship them', async () => {
    const archive = await readOciArchive((await writeArchive({ mediaType: 'application/vnd.oci.image.layer.v1.tar', blob: LAYER_TAR })).path);
    expect(archive.uncompressedBytes).toBe(LAYER_TAR.length);
    expect(archive.compressedBytes).toBeGreaterThan(0);
    expect(archive.compressedBytes).toBeLessThan(LAYER_TAR.length / 10);
  });

  it('says what is missing from a tar that is not an OCI layout', async () => {
    await writeFile(join(dir, 'readme'), 'not an image');
    await runCommand('tar', ['-cf', join(dir, 'plain.tar'), '-C', dir, 'readme']);
    await expect(readOciArchive(join(dir, 'plain.tar'))).rejects.toThrow(/not an OCI archive: it has no index.json/);
  });
});
