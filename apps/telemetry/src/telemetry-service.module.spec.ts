import { bootstrapNetkeepApp, createTestDatabase, deleteRedisKeys, loadConfig, type TestDatabase } from '@netkeep/core';
import { LabInventoryPort } from '@netkeep/telemetry';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelemetryServiceModule } from './telemetry-service.module';

// An address nothing answers on: these specs look at the service's shape, not at polls.
const inventory = new LabInventoryPort([{ name: 'r1', host: '192.0.2.1', port: 22, platform: 'cisco_ios', username: 'u', password: 'p' }]);

describe.each(['api', 'poller'] as const)('telemetry service module as %s (service mode, PostgreSQL)', (role) => {
  let database: TestDatabase;
  let app: NestFastifyApplication;
  let dataDir: string;
  const adminToken = `nk_${randomBytes(32).toString('base64url')}`;
  const redisPrefix = `netkeep-test-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    dataDir = await mkdtemp(join(tmpdir(), 'netkeep-telemetry-'));
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
    app = await bootstrapNetkeepApp(TelemetryServiceModule.register(config, { inventory: { useValue: inventory }, env: { NETKEEP_TELEMETRY_ROLE: role } }), config);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    const redis = new Redis('redis://127.0.0.1:6379');
    await deleteRedisKeys(redis, redisPrefix);
    await redis.quit();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates, is ready, and serves the telemetry API and the fleet\'s metrics only when it is not a poller', async () => {
    const tables = (await database.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(['telemetry_device_settings', 'netkeep_migrations_telemetry']));
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
    const devices = await app.inject({ method: 'GET', url: '/api/v1/telemetry/devices', headers: { authorization: `Bearer ${adminToken}` } });
    expect(devices.statusCode).toBe(role === 'api' ? 200 : 404);
    if (role === 'api') expect(devices.json()).toMatchObject({ count: 1, results: [{ name: 'r1', settings: { intervalSeconds: 60, source: 'auto' } }] });
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics.includes('# TYPE netkeep_interface_in_octets_total counter')).toBe(role === 'api');
  });
});
