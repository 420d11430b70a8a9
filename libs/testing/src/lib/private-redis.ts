import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { findFreePort } from './free-port';

const START_TIMEOUT_MS = 10_000;
const PROBE_EVERY_MS = 50;

/**
 * A redis-server of one test's own, on a free loopback port with its append-only file on: a
 * test can stop and start it without touching the shared Redis other suites use.
 */
export interface PrivateRedis {
  url: string;
  port: number;
  /** The data directory, where the append-only file lives. */
  dir: string;
  /** The server's process id while it runs. */
  readonly pid: number | undefined;
  /** SIGTERM: Redis writes its append-only file and exits. */
  stop(): Promise<void>;
  /** Starts it again on the same port and directory; resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops it (SIGKILL if SIGTERM is not enough within 10 s) and deletes its directory. Safe to call twice. */
  destroy(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'netkeep-redis-'));
  const port = await findFreePort('127.0.0.1');
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    if (child) throw new Error(`redis-server on port ${port} is already running`);
    const server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    child = server;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await answersPing(url))) {
      if (server.exitCode !== null || Date.now() > deadline) {
        server.kill('SIGKILL');
        child = undefined;
        throw new Error(`redis-server on port ${port} did not start within ${START_TIMEOUT_MS} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  };

  const stop = async (forceAfterMs?: number): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    const timer = forceAfterMs === undefined ? undefined : setTimeout(() => running.kill('SIGKILL'), forceAfterMs);
    await exited;
    clearTimeout(timer);
  };

  await start().catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    url,
    port,
    dir,
    get pid() {
      return child?.pid;
    },
    stop: () => stop(),
    start,
    destroy: async () => {
      await stop(10_000);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function answersPing(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
