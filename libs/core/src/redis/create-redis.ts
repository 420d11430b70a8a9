import Redis from 'ioredis';
import type { NetkeepLogger } from '../logging/create-logger';

const CONNECT_TIMEOUT_MS = 2_000;
const MAX_RETRY_DELAY_MS = 2_000;

/**
 * An ioredis client for REDIS_URL that connects on first use, waits at most 2 s between
 * reconnects (and keeps trying, so Redis coming back makes the process ready again), and
 * fails a command after two retries instead of queueing it forever.
 */
export function createRedis(url: string, logger?: NetkeepLogger): Redis {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 2,
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RETRY_DELAY_MS),
  });
  // One line per outage, not one per reconnect attempt.
  let reported = false;
  client.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger?.warn({ err: error }, 'redis unreachable; retrying');
  });
  client.on('ready', () => {
    if (reported) logger?.info('redis reachable again');
    reported = false;
  });
  return client;
}

/** Quits cleanly when connected, drops the connection attempt otherwise. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
}
