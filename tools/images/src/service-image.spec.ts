import { createTestDatabase, deleteRedisKeys, type TestDatabase } from '@netkeep/core';
import { NODE_RUNTIME_FLAGS } from '@netkeep/build-tools';
import Redis from 'ioredis';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_LAYOUT, imageRuntimeConfig } from './image-config';
import { IMAGE_ENGINE_PROBES, IMAGE_ENGINES } from './image-engine';
import { readOciArchive, type OciArchive } from './oci-archive';
import { buildServiceImage, type ServiceImage } from './service-image';
import { freeLoopbackPort } from './testing/free-loopback-port';
import { createImageContainer, type ImageContainer, type RunningContainer } from './testing/image-container';
import { processUidByEnvironment } from './testing/process-uid';

const WORKSPACE = resolve(__dirname, '../../..');
/** The budget for one service image on the wire. */
const COMPRESSED_GOAL_BYTES = 150 * 1000 * 1000;
/** A cold build compiles the native addons; a warm one reuses the cache. */
const BUILD_TIMEOUT_MS = 240_000;
const HEALTHY_WITHIN_MS = 60_000;
const PORT_ATTEMPTS = 3;

// Decided while the suite is collected, which cannot wait for a promise: the same probes as detectImageEngine.
const engine = IMAGE_ENGINES.find((name) => spawnSync(name, IMAGE_ENGINE_PROBES[name], { stdio: 'ignore' }).status === 0);

// The smallest service; the others differ only in their bundle and dependencies.
describe.skipIf(!engine)(engine ? `inventory image built and run with ${engine}` : 'inventory image (skipped: no buildah, podman or docker engine here)', () => {
  let outputDir: string;
  let image: ServiceImage;
  let archive: OciArchive;

  beforeAll(async () => {
    outputDir = await mkdtemp(join(tmpdir(), 'netkeep-image-'));
    const startedMs = Date.now();
    image = await buildServiceImage({ service: 'inventory', workspaceRoot: WORKSPACE, outputDir, engine });
    archive = await readOciArchive(image.archivePath);
    const megabytes = (bytes = 0): string => `${(bytes / 1e6).toFixed(1)} MB`;
    process.stdout.write(
      `inventory image ${image.reference}: ${megabytes(image.compressedBytes)} compressed, ${megabytes(image.uncompressedBytes)} uncompressed, ` +
        `${archive.layers.length} layers, built in ${((Date.now() - startedMs) / 1000).toFixed(1)} s\n`,
    );
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (outputDir) await rm(outputDir, { recursive: true, force: true });
  });

  it('stays under 150 MB compressed', () => {
    expect(image.compressedBytes).toBeGreaterThan(0);
    expect(image.compressedBytes).toBeLessThan(COMPRESSED_GOAL_BYTES);
  });

  it('starts the way the Dockerfiles start: node with the runtime flags, main.js, as 65532 in /app, port 3000', () => {
    const expected = imageRuntimeConfig(NODE_RUNTIME_FLAGS);
    expect(archive.config.config).toMatchObject({
      Entrypoint: expected.entrypoint,
      Cmd: expected.cmd,
      WorkingDir: expected.workingDir,
      User: expected.user,
      ExposedPorts: Object.fromEntries(expected.exposedPorts.map((port) => [port, {}])),
    });
    expect(archive.config.config.Env).toEqual(expect.arrayContaining(Object.entries(expected.env).map(([name, value]) => `${name}=${value}`)));
    expect(archive.config.os).toBe('linux');
  });

  it('is named by the archive and labelled with its source', () => {
    expect(archive.reference).toBe(image.reference);
    expect(image.reference).toMatch(/^localhost\/netkeep\/inventory:\d+\.\d+\.\d+-[0-9a-f]{12}$/);
    expect(archive.config.config.Labels).toMatchObject({
      'org.opencontainers.image.title': 'netkeep-inventory',
      'org.opencontainers.image.version': expect.any(String),
      'org.opencontainers.image.revision': expect.stringMatching(/^[0-9a-f]{40}$/),
    });
  });

  it('leaves nothing but the archive in the output directory', async () => {
    expect(await readdir(outputDir)).toEqual(['inventory.oci.tar']);
  });

  describe('running', () => {
    let database: TestDatabase;
    let container: ImageContainer;
    let running: RunningContainer | undefined;
    let healthzStatus = 0;
    let baseUrl = '';
    const redisPrefix = `netkeep-image-test-${randomBytes(4).toString('hex')}:`;

    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      container = await createImageContainer({
        engine: image.engine,
        archivePath: image.archivePath,
        reference: image.reference,
        storageDir: join(outputDir, 'run-storage'),
        // No shell in the image: run exactly what its config says.
        command: [...(archive.config.config.Entrypoint ?? []), ...(archive.config.config.Cmd ?? [])],
      });
      const secrets = { NETKEEP_SECRET_KEY: randomBytes(32).toString('base64'), NETKEEP_SERVICE_TOKEN: `nk_svc_${randomBytes(32).toString('base64url')}` };
      // A busy machine can take a free port before the service binds it: try another one.
      for (let attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
        const port = await freeLoopbackPort();
        running = container.run({
          PORT: String(port),
          NETKEEP_HOST: '127.0.0.1',
          DATABASE_URL: database.url,
          REDIS_URL: 'redis://127.0.0.1:6379',
          NETKEEP_REDIS_PREFIX: redisPrefix,
          // As the cluster manifests run it: the inventory serves the web console from its image.
          NETKEEP_WEB_DIR: '/app/web',
          ...secrets,
        });
        baseUrl = `http://127.0.0.1:${port}`;
        healthzStatus = await waitForHealthy(`${baseUrl}/healthz`, running);
        if (healthzStatus === 200 || !running.output().includes('EADDRINUSE')) break;
        await running.stop();
      }
    }, HEALTHY_WITHIN_MS * PORT_ATTEMPTS);

    afterAll(async () => {
      await running?.stop();
      await container?.remove();
      await database?.destroy();
      const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect().then(() => deleteRedisKeys(redis, redisPrefix));
      redis.disconnect();
    });

    it('answers 200 on /healthz', () => {
      expect(healthzStatus, running?.output()).toBe(200);
    });

    it('serves the web console it carries at /', async () => {
      const response = await fetch(`${baseUrl}/`);
      expect(response.status, running?.output()).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toMatch(/<script[^>]+src="[^"]*\/assets\/index-[^"]+\.js"/);
    });

    it('runs node as uid 65532, not root', async () => {
      const uid = await processUidByEnvironment(IMAGE_LAYOUT.nodeBinary, `NETKEEP_REDIS_PREFIX=${redisPrefix}`);
      expect(uid, running?.output()).toBe(IMAGE_LAYOUT.user.uid);
    });
  });
});

/** Polls until the URL answers 200, the container exits, or time runs out; returns the last status (0: no answer). */
async function waitForHealthy(url: string, container: RunningContainer): Promise<number> {
  let exited = false;
  void container.exited.then(() => (exited = true));
  const deadline = Date.now() + HEALTHY_WITHIN_MS - 5_000;
  let status = 0;
  while (Date.now() < deadline && !exited) {
    status = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return status;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return status;
}
