import { describe, expect, it } from 'vitest';
import { InventoryTestApp, useInventoryTestApp } from '../testing/inventory-test-app';
import { ALL_SECRETS, SECRETS } from '../testing/test-secrets';

describe.each(['sqlite', 'postgres'] as const)('internal connection endpoint on %s', (kind) => {
  let t: InventoryTestApp;
  useInventoryTestApp(kind, (app) => (t = app));

  const device = (name: string, fields: Record<string, unknown>) =>
    t.call('POST', '/api/v1/devices', { body: { name, host: '192.0.2.1', platform: 'ios', ...fields } });

  it("returns a device's decrypted connection details, SNMP secrets included", async () => {
    const { id: credentialId } = (
      await t.call('POST', '/api/v1/credentials', { as: 'admin', body: { name: 'noc', username: 'netops', password: SECRETS.password, enableSecret: SECRETS.enableSecret } })
    ).body;
    const snmp = { version: '3', port: 1161, username: 'poller', authProtocol: 'sha', authKey: SECRETS.authKey, privProtocol: 'aes256', privKey: SECRETS.privKey };
    const { id } = (await device('r1', { host: 'r1.example.net', port: 2022, platform: 'eos', credentialId, snmp })).body;
    const response = await t.call('GET', `/api/v1/internal/devices/${id}/connection`, { as: 'service' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      id,
      name: 'r1',
      host: 'r1.example.net',
      port: 2022,
      platform: 'arista_eos',
      enabled: true,
      username: 'netops',
      password: SECRETS.password,
      enableSecret: SECRETS.enableSecret,
      privateKey: null,
      snmp,
    });
  });

  it('answers a device without credential or SNMP with nulls', async () => {
    const { id } = (await device('bare', {})).body;
    const response = await t.call('GET', `/api/v1/internal/devices/${id}/connection`, { as: 'service' });
    expect(response.body).toMatchObject({ username: null, password: null, enableSecret: null, privateKey: null, snmp: null });
  });

  it('returned no secret outside the connection endpoint and wrote none to a log line', () => {
    expect(t.scanned().logLines).toBeGreaterThan(20);
    expect(t.leaks(ALL_SECRETS)).toEqual([]);
  });
});
