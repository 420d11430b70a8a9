import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logging/create-logger';
import { createLogCapture } from '../testing/log-capture';
import { ensureEmbeddedRedis } from './embedded-redis';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const quietLogger = () => createLogger({ logLevel: 'info' }, createLogCapture().destination);

describe('embedded Redis', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function configFor(redisUrl: string, env: NodeJS.ProcessEnv = {}) {
    const dataDir = await mkdtemp(join(tmpdir(), 'netkeep-redis-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    return loadConfig({ NETKEEP_DATA_DIR: dataDir, REDIS_URL: redisUrl, ...env }, { mode: 'embedded' });
  }

  it('uses a Redis that already answers and starts nothing', async () => {
    const config = await configFor('redis://127.0.0.1:6379');
    expect(await ensureEmbeddedRedis(config, quietLogger())).toBeUndefined();
  });

  it('starts redis-server with an append-only file under the data directory when nothing answers, and keeps data across a restart', async () => {
    const port = await freePort();
    const config = await configFor(`redis://127.0.0.1:${port}`);
    const first = await ensureEmbeddedRedis(config, quietLogger());
    expect(first).toBeDefined();
    const client = new Redis(config.redisUrl);
    await client.set('netkeep:test:accepted-job', 'kept');
    client.disconnect();
    await first!.stop();
    expect(await readdir(join(config.dataDir, 'redis'))).toEqual(expect.arrayContaining([expect.stringMatching(/appendonly/)]));

    const second = await ensureEmbeddedRedis(config, quietLogger());
    cleanup.push(async () => second?.stop());
    const again = new Redis(config.redisUrl);
    expect(await again.get('netkeep:test:accepted-job')).toBe('kept');
    again.disconnect();
  });

  it('says how to get Redis when nothing answers and no redis-server is on the PATH', async () => {
    const port = await freePort();
    const config = await configFor(`redis://127.0.0.1:${port}`);
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      await expect(ensureEmbeddedRedis(config, quietLogger())).rejects.toThrow(
        /Redis is not reachable at 127\.0\.0\.1:\d+ and no redis-server is on the PATH: install Redis/,
      );
    } finally {
      process.env['PATH'] = path;
    }
  });
});
