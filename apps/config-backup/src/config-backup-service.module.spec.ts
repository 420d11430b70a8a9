import { LabInventoryPort } from '@netkeep/backup';
import { bootstrapNetkeepApp, createTestDatabase, deleteRedisKeys, loadConfig, type TestDatabase } from '@netkeep/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigBackupServiceModule } from './config-backup-service.module';

const inventory = new LabInventoryPort([{ name: 'r1', host: '192.0.2.1', port: 22, platform: 'cisco_ios', username: 'u', password: 'p' }]);

describe.each(['api', 'worker'] as const)('config-backup service module as %s (service mode, PostgreSQL)', (role) => {
  let database: TestDatabase;
  let app: NestFastifyApplication;
  let dataDir: string;
  const adminToken = `nk_${randomBytes(32).toString('base64url')}`;
  const redisPrefix = `netkeep-test-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    dataDir = await mkdtemp(join(tmpdir(), 'netkeep-config-backup-'));
    const config = loadConfig(
      {
        DATABASE_URL: database.url,
        NETKEEP_DATA_DIR: dataDir,
        NETKEEP_REDIS_PREFIX: redisPrefix,
        NETKEEP_SECRET_KEY: randomBytes(32).toString('hex'),
        NETKEEP_SERVICE_TOKEN: randomBytes(32).toString('base64url'),
        NETKEEP_ADMIN_TOKEN: adminToken,
        NETKEEP_LOG_LEVEL: 'silent',
      },
      { mode: 'service' },
    );
    app = await bootstrapNetkeepApp(ConfigBackupServiceModule.register(config, { inventory: { useValue: inventory }, env: { NETKEEP_BACKUP_ROLE: role } }), config);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    const redis = new Redis('redis://127.0.0.1:6379');
    await deleteRedisKeys(redis, redisPrefix);
    await redis.quit();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates both backup migration sets, is ready, and serves the backup API only when it is not a worker', async () => {
    const tables = (await database.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(['config_versions', 'backup_runs', 'backup_policies', 'netkeep_migrations_backup', 'netkeep_migrations_backup_runs']));
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
    const runs = await app.inject({ method: 'GET', url: '/api/v1/backups', headers: { authorization: `Bearer ${adminToken}` } });
    expect(runs.statusCode).toBe(role === 'api' ? 200 : 404);
  });
});
