import { access } from 'node:fs/promises';
import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from './private-redis';

describe('a private redis-server', () => {
  const started: PrivateRedis[] = [];
  afterAll(async () => {
    await Promise.all(started.map((redis) => redis.destroy()));
  });

  it('keeps what it accepted across a SIGTERM and a start on the same port, and leaves nothing behind', async () => {
    const redis = await startPrivateRedis();
    started.push(redis);
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    client.on('error', () => undefined);
    try {
      await client.set('private-redis:kept', 'accepted before the restart');
      const firstPid = redis.pid;
      await redis.stop();
      expect(redis.pid).toBeUndefined();
      await redis.start();
      expect(redis.pid).not.toBe(firstPid);
      // The client reconnects by itself, as netkeep's connections do.
      expect(await client.get('private-redis:kept')).toBe('accepted before the restart');
    } finally {
      client.disconnect();
    }
    await redis.destroy();
    await expect(access(redis.dir)).rejects.toThrow(/ENOENT/);
    await redis.destroy();
  });
});
