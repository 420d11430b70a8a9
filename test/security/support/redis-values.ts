import type Redis from 'ioredis';

async function valueParts(redis: Redis, key: string): Promise<Buffer[]> {
  switch (await redis.type(key)) {
    case 'string':
      return [(await redis.getBuffer(key)) ?? Buffer.alloc(0)];
    case 'hash':
      return Object.entries(await redis.hgetallBuffer(key)).flatMap(([field, value]) => [Buffer.from(field), value]);
    case 'list':
      return redis.lrangeBuffer(key, 0, -1);
    case 'set':
      return redis.smembersBuffer(key);
    case 'zset':
      return redis.zrangeBuffer(key, 0, -1);
    case 'stream':
      return [Buffer.from(JSON.stringify(await redis.xrange(key, '-', '+')))];
    default:
      return [];
  }
}

/** Every key under `prefix` with its value as bytes (hash fields, list items, set and stream entries one per line), whatever its type. */
export async function redisValues(redis: Redis, prefix: string): Promise<Map<string, Buffer>> {
  const values = new Map<string, Buffer>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) values.set(key, Buffer.concat((await valueParts(redis, key)).flatMap((part) => [part, Buffer.from('\n')])));
  } while (cursor !== '0');
  return values;
}
