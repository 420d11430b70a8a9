import { type DynamicModule, type ForwardReference, Module, type Provider, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiTokensService } from '../auth/api-tokens.service';
import type { AssignableRole } from '../auth/role';
import type { Clock } from '../clock/clock';
import { loadConfig } from '../config/load-config';
import type { NetkeepConfig, NetkeepMode } from '../config/netkeep-config';
import { bootstrapNetkeepApp } from '../http/bootstrap-netkeep-app';
import { createLogger } from '../logging/create-logger';
import { deleteRedisKeys } from '../queue/delete-redis-keys';
import { mountDomains, type NetkeepDomain } from '../netkeep-domain';
import { createLogCapture, type LogCapture } from './log-capture';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from './test-database';

export interface TestAppOptions {
  /** A kind gets a fresh database destroyed on close; a TestDatabase is used and left alone. Default sqlite. */
  database?: TestDatabaseKind | TestDatabase;
  domains?: NetkeepDomain[];
  /** An app's own root module (a service's composition root) instead of one built from `domains`. */
  module?: (config: NetkeepConfig) => DynamicModule;
  /** Extra test-only controllers and providers in the root module. */
  controllers?: Type<unknown>[];
  providers?: Provider[];
  /** Overrides of the generated environment; an empty string unsets a variable. */
  env?: Record<string, string>;
  mode?: NetkeepMode;
  /** A data directory of the caller's, kept on close (to restart an app on it). */
  dataDir?: string;
  clock?: Clock;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read JSON bodies freely
export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** `http://127.0.0.1:<port>` */
  url: string;
  config: NetkeepConfig;
  database: TestDatabase;
  logs: LogCapture;
  /** NETKEEP_ADMIN_TOKEN of this app ('' when the env override unset it). */
  adminToken: string;
  serviceToken: string;
  /** Issues a stored token with this role. */
  tokenFor(role: AssignableRole, name?: string): Promise<string>;
  /** fetch against the app, JSON in and out; `token` becomes the bearer header. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs read JSON bodies freely
  request<T = any>(method: string, path: string, init?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/**
 * A real app for specs: CoreModule plus the given domains, a database of its own (SQLite or
 * PostgreSQL), local Redis under a unique prefix, a captured logger, listening on a free port.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownsDatabase = typeof options.database !== 'object';
  const database =
    typeof options.database === 'object' ? options.database : await createTestDatabase(options.database ?? 'sqlite');
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'netkeep-app-')));
  const generated = {
    NETKEEP_DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    NETKEEP_REDIS_PREFIX: `netkeep-test-${randomBytes(4).toString('hex')}:`,
    NETKEEP_SECRET_KEY: randomBytes(32).toString('base64'),
    NETKEEP_ADMIN_TOKEN: `nk_${randomBytes(32).toString('base64url')}`,
    NETKEEP_SERVICE_TOKEN: `nk_svc_${randomBytes(32).toString('base64url')}`,
    NETKEEP_LOG_LEVEL: 'debug',
  };
  const env = { ...generated, ...options.env };
  const config = loadConfig(env, { mode: options.mode ?? 'embedded' });
  const logs = createLogCapture();
  const logger = createLogger(config, logs.destination);

  @Module({})
  class TestRootModule {}
  const root: DynamicModule = options.module?.(config) ?? {
    module: TestRootModule,
    imports: mountDomains(config, options.domains ?? [], { logger, clock: options.clock }) as Array<
      Type<unknown> | DynamicModule | ForwardReference
    >,
    controllers: options.controllers ?? [],
    providers: options.providers ?? [],
  };

  let app: NestFastifyApplication;
  try {
    app = await bootstrapNetkeepApp(root, config);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    if (ownsDatabase) await database.destroy();
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    app,
    url,
    config,
    database,
    logs,
    adminToken: env.NETKEEP_ADMIN_TOKEN,
    serviceToken: config.serviceToken,
    tokenFor: async (role, name = `test-${role}`) => (await app.get(ApiTokensService).issue({ name, role })).token,
    request: async (method, path, init = {}) => {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
      if (init.body !== undefined) headers['content-type'] ??= 'application/json';
      const response = await fetch(`${url}${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      return { status: response.status, headers: response.headers, body: type.includes('json') && text ? JSON.parse(text) : text };
    },
    close: async () => {
      await app.close();
      // The app's keys go with it; an app pointed at a Redis that is down has none to remove.
      const redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      redis.on('error', () => undefined);
      await redis
        .connect()
        .then(() => deleteRedisKeys(redis, config.redisPrefix))
        .catch(() => undefined);
      redis.disconnect();
      if (ownsDatabase) await database.destroy();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
