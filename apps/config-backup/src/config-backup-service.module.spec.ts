import { startTestApp, type TestApp } from '@netkeep/core';
import { LabInventoryPort } from '@netkeep/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigBackupServiceModule } from './config-backup-service.module';

const inventory = new LabInventoryPort([{ name: 'r1', host: '192.0.2.1', port: 22, platform: 'cisco_ios', username: 'u', password: 'p' }]);

describe.each(['api', 'worker'] as const)('config-backup service module as %s (service mode, PostgreSQL)', (role) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      database: 'postgres',
      mode: 'service',
      env: { NETKEEP_LOG_LEVEL: 'silent' },
      module: (config) => ConfigBackupServiceModule.register(config, { inventory: { useValue: inventory }, env: { NETKEEP_BACKUP_ROLE: role } }),
    });
  });
  afterAll(() => t?.close());

  it('migrates both backup migration sets, is ready, and serves the backup API only when it is not a worker', async () => {
    const tables = (await t.database.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(['config_versions', 'backup_runs', 'backup_policies', 'netkeep_migrations_backup', 'netkeep_migrations_backup_runs']));
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
    const runs = await t.app.inject({ method: 'GET', url: '/api/v1/backups', headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(runs.statusCode).toBe(role === 'api' ? 200 : 404);
  });
});
