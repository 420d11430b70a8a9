import { startTestApp, type TestApp } from '@netkeep/core';
import { LabInventoryPort } from '@netkeep/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelemetryServiceModule } from './telemetry-service.module';

// An address nothing answers on: these specs look at the service's shape, not at polls.
const inventory = new LabInventoryPort([{ name: 'r1', host: '192.0.2.1', port: 22, platform: 'cisco_ios', username: 'u', password: 'p' }]);

describe.each(['api', 'poller'] as const)('telemetry service module as %s (service mode, PostgreSQL)', (role) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      database: 'postgres',
      mode: 'service',
      env: { NETKEEP_LOG_LEVEL: 'silent' },
      module: (config) => TelemetryServiceModule.register(config, { inventory: { useValue: inventory }, env: { NETKEEP_TELEMETRY_ROLE: role } }),
    });
  });
  afterAll(() => t?.close());

  it('migrates, is ready, and serves the telemetry API and the fleet\'s metrics only when it is not a poller', async () => {
    const tables = (await t.database.db.introspection.getTables()).map((table) => table.name);
    expect(tables).toEqual(expect.arrayContaining(['telemetry_device_settings', 'netkeep_migrations_telemetry']));
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
    const devices = await t.app.inject({ method: 'GET', url: '/api/v1/telemetry/devices', headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(devices.statusCode).toBe(role === 'api' ? 200 : 404);
    if (role === 'api') expect(devices.json()).toMatchObject({ count: 1, results: [{ name: 'r1', settings: { intervalSeconds: 60, source: 'auto' } }] });
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics.includes('# TYPE netkeep_interface_in_octets_total counter')).toBe(role === 'api');
  });
});
