import type { BackupRunDto, InventoryPort } from '@netkeep/contracts';
import { deleteRedisKeys, startTestApp, type TestApp, type TestAppOptions } from '@netkeep/core';
import Redis from 'ioredis';
import type { BackupSettings } from '../backup.config';
import { createBackupDomain } from '../backup.module';

/** Settings that make the lab's faults end in seconds and dead workers' jobs come back quickly. */
export const FAST_TEST_SETTINGS: Partial<BackupSettings> = {
  concurrency: 20,
  backoffMs: 200,
  lockMs: 3_000,
  timeouts: { connectMs: 3_000, authMs: 3_000, promptMs: 2_000, commandIdleMs: 1_500, commandTotalMs: 30_000 },
  superviseIntervalMs: 5_000,
};

export interface BackupTestAppOptions extends Omit<TestAppOptions, 'domains'> {
  inventory: InventoryPort;
  settings?: Partial<BackupSettings>;
}

export interface BackupTestApp extends TestApp {
  operatorToken: string;
  /** POST /api/v1/backups as an operator; fails the test on anything but 202. */
  startRun(body: object): Promise<BackupRunDto>;
  /** Polls the run until it is finished (or the time is up). */
  waitForRun(id: string, timeoutMs?: number): Promise<BackupRunDto>;
}

/** A real app with the backup domain over a lab inventory; its Redis keys are deleted on close. */
export async function startBackupTestApp(options: BackupTestAppOptions): Promise<BackupTestApp> {
  const { inventory, settings, ...appOptions } = options;
  const app = await startTestApp({
    ...appOptions,
    domains: [createBackupDomain({ inventory: { useValue: inventory }, settings: { ...FAST_TEST_SETTINGS, ...settings }, env: {} })],
  });
  const operatorToken = await app.tokenFor('operator');
  const close = app.close;
  return {
    ...app,
    operatorToken,
    startRun: async (body) => {
      const response = await app.request<BackupRunDto>('POST', '/api/v1/backups', { token: operatorToken, body });
      if (response.status !== 202) throw new Error(`POST /api/v1/backups answered ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body;
    },
    waitForRun: async (id, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const response = await app.request<BackupRunDto>('GET', `/api/v1/backups/${id}`, { token: operatorToken });
        if (response.status !== 200) throw new Error(`GET /api/v1/backups/${id} answered ${response.status}: ${JSON.stringify(response.body)}`);
        if (response.body.status === 'finished') return response.body;
        if (Date.now() > deadline) throw new Error(`run ${id} not finished within ${timeoutMs} ms: ${JSON.stringify(response.body.progress)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: async () => {
      await close();
      const redis = new Redis(app.config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await deleteRedisKeys(redis, app.config.redisPrefix).catch(() => undefined);
      redis.disconnect();
    },
  };
}

/** Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
