import { describe, expect, it } from 'vitest';
import { InventoryTestApp, useInventoryTestApp } from '../testing/inventory-test-app';
import { ALL_SECRETS } from '../testing/test-secrets';

describe.each(['sqlite', 'postgres'] as const)('sites API on %s', (kind) => {
  let t: InventoryTestApp;
  useInventoryTestApp(kind, (app) => (t = app));

  const device = (name: string, fields: Record<string, unknown>) =>
    t.call('POST', '/api/v1/devices', { body: { name, host: '192.0.2.1', platform: 'ios', ...fields } });

  it('creates, reads, renames, lists and deletes a site', async () => {
    const created = await t.call('POST', '/api/v1/sites', { body: { name: 'dc1', description: 'Frankfurt, hall 2' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'dc1',
      description: 'Frankfurt, hall 2',
      deviceCount: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const renamed = await t.call('PATCH', `/api/v1/sites/${created.body.id}`, { body: { name: 'fra1', description: null } });
    expect(renamed.body).toMatchObject({ name: 'fra1', description: null });
    await t.call('POST', '/api/v1/sites', { body: { name: 'ams1' } });
    const list = await t.call('GET', '/api/v1/sites?limit=1', { as: 'viewer' });
    expect(list.body).toMatchObject({ count: 2, previous: null, results: [{ name: 'ams1' }] });
    expect(new URL(list.body.next).searchParams.get('offset')).toBe('1');
    expect((await t.call('GET', '/api/v1/sites?q=FRA', { as: 'viewer' })).body.results.map((s: { name: string }) => s.name)).toEqual(['fra1']);
    expect((await t.call('DELETE', `/api/v1/sites/${created.body.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/sites/${created.body.id}`, { as: 'viewer' })).status).toBe(404);
  });

  it('counts its devices and refuses deletion while they are there', async () => {
    const site = (await t.call('POST', '/api/v1/sites', { body: { name: 'dc1' } })).body;
    await device('r1', { site: 'dc1' });
    await device('r2', { site: 'dc1' });
    expect((await t.call('GET', `/api/v1/sites/${site.id}`, { as: 'viewer' })).body.deviceCount).toBe(2);
    const refused = await t.call('DELETE', `/api/v1/sites/${site.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('site "dc1" has 2 devices; move or delete them first');
  });

  it('keeps site names unique without regard to case', async () => {
    await t.call('POST', '/api/v1/sites', { body: { name: 'DC1' } });
    const clash = await t.call('POST', '/api/v1/sites', { body: { name: 'dc1' } });
    expect(clash.status).toBe(409);
    expect(clash.body.message).toContain('a site named "DC1" already exists');
  });

  it('returned no secret outside the connection endpoint and wrote none to a log line', () => {
    expect(t.scanned().logLines).toBeGreaterThan(20);
    expect(t.leaks(ALL_SECRETS)).toEqual([]);
  });
});
