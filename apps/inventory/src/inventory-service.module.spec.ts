import { bootstrapNetkeepApp, createTestDatabase, loadConfig, type TestDatabase } from '@netkeep/core';
import { inventoryMigrations } from '@netkeep/inventory';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryServiceModule } from './inventory-service.module';

describe('inventory service module (service mode, PostgreSQL, core + inventory)', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;
  const adminToken = `nk_${randomBytes(32).toString('base64url')}`;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const config = loadConfig(
      {
        DATABASE_URL: database.url,
        NETKEEP_SECRET_KEY: randomBytes(32).toString('hex'),
        NETKEEP_SERVICE_TOKEN: randomBytes(32).toString('base64url'),
        NETKEEP_ADMIN_TOKEN: adminToken,
        NETKEEP_LOG_LEVEL: 'silent',
      },
      { mode: 'service' },
    );
    expect(config.host).toBe('0.0.0.0');
    app = await bootstrapNetkeepApp(InventoryServiceModule.register(config), config);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('migrates PostgreSQL, is ready, and takes the admin token from the environment', async () => {
    const tables = (await database.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(['api_tokens', 'netkeep_migrations_core', `netkeep_migrations_${inventoryMigrations.name}`]));
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', checks: { database: 'up', redis: 'up' } });
    const tokens = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: { authorization: `Bearer ${adminToken}` } });
    expect(tokens.statusCode).toBe(200);
    expect(tokens.json().items).toEqual([expect.objectContaining({ role: 'admin', name: 'admin (NETKEEP_ADMIN_TOKEN)' })]);
  });
});
