import { createLogger, deleteRedisKeys } from '@netkeep/core';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DeviceLocks, SiteSlots } from './device-locks';

const logger = createLogger({ logLevel: 'silent' });

describe('device locks and site slots in Redis', () => {
  const redis = new Redis('redis://127.0.0.1:6379');
  let prefix: string;
  beforeEach(() => {
    prefix = `netkeep-test-${randomBytes(4).toString('hex')}:`;
  });
  afterAll(async () => {
    await deleteRedisKeys(redis, 'netkeep-test-');
    await redis.quit();
  });

  it('lets one holder have a device; the lock frees on release, or by itself when its holder dies', async () => {
    const locks = new DeviceLocks(redis, prefix, 300, logger);
    const held = await locks.acquire('d1', 'job-a');
    expect(held).toBeDefined();
    expect(await locks.acquire('d1', 'job-b')).toBeUndefined();
    expect(await locks.acquire('d2', 'job-b')).toBeDefined();
    await held!.release();
    const again = await locks.acquire('d1', 'job-b');
    expect(again).toBeDefined();
    // Renewed while held: still taken after twice its lifetime.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(again!.held).toBe(true);
    expect(await locks.acquire('d1', 'job-c')).toBeUndefined();
    await again!.release();

    // A holder that stops renewing (a dead process): the key expires.
    await redis.set(`${prefix}backup:device-lock:d3`, 'dead-job', 'PX', 300);
    expect(await locks.acquire('d3', 'job-d')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await locks.acquire('d3', 'job-d')).toBeDefined();
  });

  it('never releases a lock someone else holds now', async () => {
    const locks = new DeviceLocks(redis, prefix, 300, logger);
    const mine = await locks.acquire('d1', 'job-a');
    await redis.set(`${prefix}backup:device-lock:d1`, 'job-b', 'PX', 5_000);
    await mine!.release();
    expect(await redis.get(`${prefix}backup:device-lock:d1`)).toBe('job-b');
  });

  it('gives a site at most its limit of slots, and frees the slot of a dead holder', async () => {
    const slots = new SiteSlots(redis, prefix, 2, 400, logger);
    const a = await slots.acquire('Paris', 'a');
    const b = await slots.acquire('paris', 'b');
    expect(a && b).toBeDefined();
    expect(await slots.acquire('PARIS', 'c')).toBeUndefined();
    expect(await slots.acquire('lyon', 'c')).toBeDefined();
    await a!.release();
    const c = await slots.acquire('paris', 'c');
    expect(c).toBeDefined();
    // b's process dies: no more renewals, its slot expires.
    await redis.zadd(`${prefix}backup:site-slots:paris`, 0, 'b');
    expect(await slots.acquire('paris', 'd')).toBeDefined();
    await Promise.all([b!.release(), c!.release()]);
  });
});
