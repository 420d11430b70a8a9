import type Redis from 'ioredis';

/** Deletes every key starting with `prefix` (a test's own namespace); returns how many. */
export async function deleteRedisKeys(redis: Redis, prefix: string): Promise<number> {
  if (!prefix || prefix === '*') throw new Error('refusing to delete every key in Redis: give a prefix');
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}
