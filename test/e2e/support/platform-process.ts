import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_RUNTIME_FLAGS } from '@netkeep/build-tools';
import { deleteRedisKeys } from '@netkeep/core';
import Redis from 'ioredis';
import { TestBundle, WORKSPACE } from '../../support/test-bundle';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export interface PlatformOptions {
  /** Extra environment (NETKEEP_TELEMETRY_INTERVAL_SECONDS, NETKEEP_BACKUP_*...). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 500)}`);
  }
}

/** A thin client for /api/v1 with the admin token. */
export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }

  /** Calls `path` (relative to /api/v1 unless it starts with /metrics or /healthz) and parses a 2xx JSON answer. */
  async call<T>(method: string, path: string, body?: unknown, expectStatus?: number): Promise<T> {
    const full = path.startsWith('/api/') || path.startsWith('/metrics') || path.startsWith('/healthz') ? path : `/api/v1${path}`;
    const { status, text } = await this.request(method, full, body);
    if (expectStatus !== undefined ? status !== expectStatus : status < 200 || status >= 300) throw new ApiError(status, text, `${method} ${full}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body?: unknown, expectStatus?: number): Promise<T> {
    return this.call<T>('POST', path, body ?? {}, expectStatus);
  }

  /** GET as text (e.g. /metrics). */
  async text(path: string): Promise<string> {
    const { status, text } = await this.request('GET', path);
    if (status !== 200) throw new ApiError(status, text, `GET ${path}`);
    return text;
  }
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs` with the last value seen. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}

/** The platform as `npm start` runs it: bundled, then plain node with the runtime flags. */
const platformBundle = new TestBundle('platform', 'main.js');

/** Deletes this test process's platform bundle (dispose() does). */
export function removeBundledPlatform(): Promise<void> {
  return platformBundle.remove();
}

/**
 * The real platform (`npm start`: the bundled apps/platform) in its own process, on a fresh data
 * dir, its own Redis prefix, a free port and a known admin token. `restart()` keeps the data dir,
 * prefix and token; `dispose()` stops it and deletes the data dir and its Redis keys.
 */
export class PlatformProcess {
  readonly token = `e2e-${randomBytes(24).toString('hex')}`;
  readonly redisPrefix = `netkeep-e2e-${process.pid}-${randomBytes(4).toString('hex')}:`;
  private child?: ChildProcessWithoutNullStreams;
  private exitCode: Promise<number | null> = Promise.resolve(null);
  private out = '';
  private current?: { port: number; api: Api };

  private constructor(
    readonly dataDir: string,
    private options: PlatformOptions,
  ) {}

  static async start(options: PlatformOptions = {}): Promise<PlatformProcess> {
    const platform = new PlatformProcess(await mkdtemp(join(tmpdir(), 'netkeep-e2e-')), options);
    await platform.launch();
    return platform;
  }

  get api(): Api {
    if (!this.current) throw new Error('the platform is not running');
    return this.current.api;
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error('the platform is not running');
    return this.child.pid;
  }

  /** Everything the process wrote (stdout and stderr, interleaved), over every start. */
  get output(): string {
    return this.out;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  private async launch(): Promise<void> {
    const child = spawn(process.execPath, [...NODE_RUNTIME_FLAGS, await platformBundle.path()], {
      cwd: WORKSPACE,
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        PORT: '0',
        NETKEEP_DATA_DIR: this.dataDir,
        REDIS_URL,
        NETKEEP_REDIS_PREFIX: this.redisPrefix,
        NETKEEP_ADMIN_TOKEN: this.token,
        NETKEEP_LOG_LEVEL: 'info',
        ...this.options.env,
      },
    });
    this.child = child;
    this.exitCode = new Promise((done) => child.once('exit', (code) => done(code)));
    const timeoutMs = this.options.readyTimeoutMs ?? 60_000;
    const port = await new Promise<number>((done, reject) => {
      let seen = '';
      const finish = (error: Error | undefined, value = 0): void => {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        if (error) reject(error);
        else done(value);
      };
      const onData = (chunk: string): void => {
        seen += chunk;
        const match = /netkeep listening on http:\/\/[^:]+:(\d+)/.exec(seen);
        if (match) finish(undefined, Number(match[1]));
      };
      const onExit = (code: number | null): void => finish(new Error(`the platform exited with ${code} before listening:\n${this.tail()}`));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(new Error(`the platform did not listen within ${timeoutMs} ms:\n${this.tail()}`));
      }, timeoutMs);
      child.stdout.setEncoding('utf8').on('data', (text: string) => (this.out += text));
      child.stderr.setEncoding('utf8').on('data', (text: string) => (this.out += text));
      child.stdout.on('data', onData);
      child.once('exit', onExit);
    });
    this.current = { port, api: new Api(`http://127.0.0.1:${port}`, this.token) };
  }

  /** SIGTERM; resolves with the exit code (null if killed by a signal) once the process has gone. */
  async stop(): Promise<number | null> {
    const child = this.child;
    if (!child) return null;
    this.current = undefined;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const code = await this.exitCode;
    this.child = undefined;
    return code;
  }

  /** Starts it again after `stop()`, on the same data dir, Redis prefix and token. */
  async start(): Promise<void> {
    if (this.running) throw new Error('the platform is already running');
    await this.launch();
  }

  /**
   * SIGTERM then start again on the same data dir, Redis prefix and token (with `env`, if given,
   * in place of the extra environment it started with); returns the exit code of the stop.
   */
  async restart(env?: Record<string, string>): Promise<number | null> {
    const code = await this.stop();
    if (env) this.options = { ...this.options, env };
    await this.launch();
    return code;
  }

  /** Stops (SIGKILL after 15 s), removes the data dir and deletes the prefix's Redis keys. */
  async dispose(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await this.stop();
      clearTimeout(timer);
    }
    await rm(this.dataDir, { recursive: true, force: true });
    // The next platform this test process starts bundles again (a second); nothing is left in dist.
    await removeBundledPlatform();
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      await deleteRedisKeys(redis, this.redisPrefix);
    } finally {
      redis.disconnect();
    }
  }

  tail(lines = 40): string {
    return this.out.trim().split('\n').slice(-lines).join('\n');
  }
}
