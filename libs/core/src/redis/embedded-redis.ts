import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import Redis from 'ioredis';
import type { NetkeepConfig } from '../config/netkeep-config';
import type { NetkeepLogger } from '../logging/create-logger';

/** A dependency the process cannot run without is missing; the message says how to get it. */
export class MissingDependencyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingDependencyError';
  }
}

export interface EmbeddedRedis {
  url: string;
  /** Stops the server; its append-only file keeps every accepted job for the next start. */
  stop(): Promise<void>;
}

const PING_TIMEOUT_MS = 1_000;
const START_TIMEOUT_MS = 10_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Embedded mode needs Redis for its queues. When nothing answers at REDIS_URL and the URL
 * is local, a `redis-server` from the PATH is started with its data under the data
 * directory (append-only file on, so a restart loses no accepted job) and stopped on exit.
 */
export async function ensureEmbeddedRedis(config: NetkeepConfig, logger: NetkeepLogger): Promise<EmbeddedRedis | undefined> {
  if (await answersPing(config.redisUrl)) return undefined;
  const url = new URL(config.redisUrl);
  const binary = findOnPath('redis-server');
  if (!LOOPBACK.has(url.hostname) || !binary) {
    throw new MissingDependencyError(
      `Redis is not reachable at ${url.host}${binary ? ' (not a local address, so netkeep will not start one)' : ' and no redis-server is on the PATH'}: ` +
        'install Redis (apt-get install redis-server) or set REDIS_URL to a reachable server',
    );
  }
  const dir = join(config.dataDir, 'redis');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const port = Number(url.port || 6379);
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--logfile', 'redis.log', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  await waitUntilReady(config.redisUrl, child);
  logger.info({ port, dir }, `started redis-server on 127.0.0.1:${port} (data in ${dir})`);
  return { url: config.redisUrl, stop: () => stopChild(child) };
}

async function answersPing(redisUrl: string): Promise<boolean> {
  const client = new Redis(redisUrl, { lazyConnect: true, connectTimeout: PING_TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function waitUntilReady(redisUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new MissingDependencyError(`redis-server exited with code ${exited} at start-up; see its log in the data directory`);
    if (await answersPing(redisUrl)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new MissingDependencyError(`redis-server did not answer within ${START_TIMEOUT_MS / 1000}s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function findOnPath(binary: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}
