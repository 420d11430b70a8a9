import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/create-logger';
import { createLogCapture } from '../testing/log-capture';
import { deleteRedisKeys } from './delete-redis-keys';
import { QueueConnections } from './queue-connections';

const REDIS_URL = 'redis://127.0.0.1:6379';

describe('QueueConnections against local Redis', () => {
  const admin = new Redis(REDIS_URL);
  let redisPrefix: string;
  let connections: QueueConnections;

  beforeEach(() => {
    redisPrefix = `netkeep-test-${randomBytes(4).toString('hex')}:`;
    connections = new QueueConnections({ redisUrl: REDIS_URL, redisPrefix }, createLogger({ logLevel: 'silent' }));
  });
  afterEach(async () => {
    await connections.close();
    await deleteRedisKeys(admin, redisPrefix);
  });
  afterAll(() => admin.quit());

  it('keeps every queue key under the prefix derived from NETKEEP_REDIS_PREFIX', async () => {
    const queue = connections.queue<{ n: number }>('widgets');
    await queue.add('w', { n: 1 });
    expect(connections.prefix).toBe(`${redisPrefix}queue`);
    const keys = await admin.keys(`${redisPrefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith(`${redisPrefix}queue:widgets:`))).toBe(true);
    expect(connections.queue('widgets')).toBe(queue);
  });

  it('runs jobs on a worker, and closing lets the job in flight finish first', async () => {
    const finished: number[] = [];
    let release!: () => void;
    const started = new Promise<void>((resolve) => {
      connections.worker<{ n: number }>('slow', async (job) => {
        resolve();
        await new Promise<void>((done) => (release = done));
        finished.push(job.data.n);
      });
    });
    await connections.queue<{ n: number }>('slow').add('s', { n: 7 });
    await started;
    const closing = connections.close();
    setTimeout(() => release(), 100);
    await closing;
    expect(finished).toEqual([7]);
  });

  it('closes a worker by force when its job outlasts the timeout, leaving the job to stall', async () => {
    const logs = createLogCapture();
    const own = new QueueConnections({ redisUrl: REDIS_URL, redisPrefix }, createLogger({ logLevel: 'warn' }, logs.destination));
    const started = new Promise<void>((resolve) => {
      own.worker('stuck', async () => {
        resolve();
        await new Promise(() => undefined);
      });
    });
    const job = await own.queue('stuck').add('s', {});
    await started;
    const before = Date.now();
    await own.closeWorkers(200);
    expect(Date.now() - before).toBeLessThan(2_000);
    expect(await own.queue('stuck').getJobState(job.id!)).toBe('active');
    expect(logs.text()).toMatch(/still busy after 200 ms; closing it by force/);
    await own.close();
  });

  it('refuses new queues once closed', async () => {
    await connections.close();
    expect(() => connections.queue('late')).toThrow(/closed/);
  });
});

describe('deleteRedisKeys', () => {
  it('refuses an empty prefix', async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true });
    await expect(deleteRedisKeys(redis, '')).rejects.toThrow(/give a prefix/);
    redis.disconnect();
  });
});
