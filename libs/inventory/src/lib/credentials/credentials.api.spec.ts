import { describe, expect, it } from 'vitest';
import { InventoryTestApp, useInventoryTestApp } from '../testing/inventory-test-app';
import { ALL_SECRETS, SECRETS } from '../testing/test-secrets';

describe.each(['sqlite', 'postgres'] as const)('credentials API on %s', (kind) => {
  let t: InventoryTestApp;
  useInventoryTestApp(kind, (app) => (t = app));

  const device = (name: string, fields: Record<string, unknown>) =>
    t.call('POST', '/api/v1/devices', { body: { name, host: '192.0.2.1', platform: 'ios', ...fields } });

  it('answers has* flags instead of secrets, everywhere', async () => {
    const created = await t.call('POST', '/api/v1/credentials', {
      as: 'admin',
      body: { name: 'noc', username: 'netops', password: SECRETS.password, enableSecret: SECRETS.enableSecret, privateKey: SECRETS.privateKey },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'noc',
      username: 'netops',
      hasPassword: true,
      hasEnableSecret: true,
      hasPrivateKey: true,
      deviceCount: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const list = await t.call('GET', '/api/v1/credentials', { as: 'admin' });
    expect(list.body.results).toEqual([created.body]);
  });

  it('keeps an absent secret, removes one given null, replaces one given a value', async () => {
    const { id } = (await t.call('POST', '/api/v1/credentials', { as: 'admin', body: { name: 'noc', username: 'netops', password: SECRETS.password, enableSecret: SECRETS.enableSecret } })).body;
    const renamed = await t.call('PATCH', `/api/v1/credentials/${id}`, { as: 'admin', body: { username: 'netops2' } });
    expect(renamed.body).toMatchObject({ username: 'netops2', hasPassword: true, hasEnableSecret: true, hasPrivateKey: false });
    const cleared = await t.call('PATCH', `/api/v1/credentials/${id}`, { as: 'admin', body: { enableSecret: null, privateKey: SECRETS.privateKey } });
    expect(cleared.body).toMatchObject({ hasPassword: true, hasEnableSecret: false, hasPrivateKey: true });

    const { id: deviceId } = (await device('r1', { credentialId: id })).body;
    const connection = await t.call('GET', `/api/v1/internal/devices/${deviceId}/connection`, { as: 'service' });
    expect(connection.body).toMatchObject({ username: 'netops2', password: SECRETS.password, enableSecret: null, privateKey: SECRETS.privateKey });
  });

  it('stores every secret sealed with AES-256-GCM, never in plain text', async () => {
    await t.call('POST', '/api/v1/credentials', {
      as: 'admin',
      body: { name: 'noc', username: 'netops', password: SECRETS.password, enableSecret: SECRETS.enableSecret, privateKey: SECRETS.privateKey },
    });
    const row = await t.app.database.db.selectFrom('inventory_credentials').selectAll().executeTakeFirstOrThrow();
    for (const column of ['password_sealed', 'enable_secret_sealed', 'private_key_sealed']) expect(row[column]).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
    const stored = JSON.stringify(row);
    for (const secret of [SECRETS.password, SECRETS.enableSecret, 'b3BlbnNzaC1rZXktdjEAAAAAkey9f2e']) expect(stored).not.toContain(secret);
  });

  it('refuses to delete a credential in use and says by how many devices', async () => {
    const { id } = (await t.call('POST', '/api/v1/credentials', { as: 'admin', body: { name: 'noc', username: 'netops' } })).body;
    await device('r1', { credentialId: id });
    await device('r2', { credentialId: id });
    expect((await t.call('GET', `/api/v1/credentials/${id}`, { as: 'admin' })).body.deviceCount).toBe(2);
    const refused = await t.call('DELETE', `/api/v1/credentials/${id}`, { as: 'admin' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('credential "noc" is used by 2 devices; point them at another credential first');
    const unused = (await t.call('POST', '/api/v1/credentials', { as: 'admin', body: { name: 'spare', username: 'x' } })).body;
    expect((await t.call('DELETE', `/api/v1/credentials/${unused.id}`, { as: 'admin' })).status).toBe(204);
  });

  it('returned no secret outside the connection endpoint and wrote none to a log line', () => {
    expect(t.scanned().logLines).toBeGreaterThan(20);
    expect(t.leaks(ALL_SECRETS)).toEqual([]);
  });
});
