import { beforeEach, describe, expect, it } from 'vitest';
import { InventoryTestApp, useInventoryTestApp } from '../testing/inventory-test-app';
import { ALL_SECRETS, SECRETS } from '../testing/test-secrets';

describe.each(['sqlite', 'postgres'] as const)('devices API on %s', (kind) => {
  let t: InventoryTestApp;
  useInventoryTestApp(kind, (app) => (t = app));

  async function createDevice(fields: Record<string, unknown>) {
    const response = await t.call('POST', '/api/v1/devices', { body: { host: '192.0.2.1', platform: 'cisco_ios', ...fields } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }

  async function createSite(name: string) {
    return (await t.call('POST', '/api/v1/sites', { body: { name } })).body;
  }

  it('creates a device: 201, its id, the canonical platform and the defaults', async () => {
    const response = await t.call('POST', '/api/v1/devices', { body: { name: 'core-sw-01', host: 'core-sw-01.example.net', platform: 'cisco.ios.ios' } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'core-sw-01',
      host: 'core-sw-01.example.net',
      port: 22,
      platform: 'cisco_ios',
      site: null,
      siteId: null,
      role: null,
      tags: [],
      enabled: true,
      credentialId: null,
      snmp: null,
      notes: null,
      facts: { model: null, serial: null, osVersion: null, collectedAt: null },
      createdAt: expect.any(String),
      updatedAt: response.body.createdAt,
    });
    const read = await t.call('GET', `/api/v1/devices/${response.body.id}`, { as: 'viewer' });
    expect(read.body).toEqual(response.body);
  });

  it('accepts every alias of a platform and stores its canonical name', async () => {
    for (const [index, alias] of ['ios', 'cisco_ios', 'CISCO.IOS.IOS', 'eos', 'junipernetworks.junos.junos', 'routeros'].entries()) {
      const device = await createDevice({ name: `d${index}`, platform: alias });
      expect(device.platform).toBe(['cisco_ios', 'cisco_ios', 'cisco_ios', 'arista_eos', 'juniper_junos', 'mikrotik_routeros'][index]);
    }
  });

  it('keeps names unique without regard to case: 409 naming the holder', async () => {
    await createDevice({ name: 'Edge-01' });
    const same = await t.call('POST', '/api/v1/devices', { body: { name: 'Edge-01', host: '192.0.2.2', platform: 'ios' } });
    expect(same.status).toBe(409);
    expect(same.body.message).toBe('a device named "Edge-01" already exists');
    const otherCase = await t.call('POST', '/api/v1/devices', { body: { name: 'edge-01', host: '192.0.2.2', platform: 'ios' } });
    expect(otherCase.status).toBe(409);
    expect(otherCase.body.message).toContain('(names are case-insensitive)');
  });

  it('shows SNMP settings with secrets replaced by has* flags', async () => {
    const v2 = await createDevice({ name: 'v2', snmp: { version: '2c', community: SECRETS.community } });
    expect(v2.snmp).toEqual({ version: '2c', port: 161, hasCommunity: true });
    const v3 = await createDevice({
      name: 'v3',
      snmp: { version: '3', port: 1161, username: 'poller', authProtocol: 'sha256', authKey: SECRETS.authKey, privProtocol: 'aes', privKey: SECRETS.privKey },
    });
    expect(v3.snmp).toEqual({ version: '3', port: 1161, username: 'poller', authProtocol: 'sha256', privProtocol: 'aes', hasAuthKey: true, hasPrivKey: true });
    const noPriv = await createDevice({ name: 'v3-auth', snmp: { version: '3', username: 'poller', authProtocol: 'md5', authKey: SECRETS.authKey } });
    expect(noPriv.snmp).toMatchObject({ privProtocol: null, hasAuthKey: true, hasPrivKey: false });
  });

  it('stores SNMP secrets sealed, never as plain text', async () => {
    await createDevice({ name: 'sealed', snmp: { version: '2c', community: SECRETS.community } });
    const row = await t.app.database.db.selectFrom('inventory_devices').selectAll().where('name', '=', 'sealed').executeTakeFirstOrThrow();
    expect(row.snmp_community_sealed).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(SECRETS.community);
  });

  describe('PATCH', () => {
    it('leaves absent fields as they are and clears nullable ones given null', async () => {
      await createSite('dc1');
      const credential = await t.call('POST', '/api/v1/credentials', { as: 'admin', body: { name: 'noc', username: 'netops', password: SECRETS.password } });
      const device = await createDevice({
        name: 'r1',
        site: 'dc1',
        role: 'core',
        tags: ['core'],
        notes: 'spare PSU',
        credentialId: credential.body.id,
        snmp: { version: '2c', community: SECRETS.community },
      });

      const renamed = await t.call('PATCH', `/api/v1/devices/${device.id}`, { body: { host: '198.51.100.7', port: 2222 } });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ host: '198.51.100.7', port: 2222, site: 'dc1', role: 'core', tags: ['core'], notes: 'spare PSU', credentialId: credential.body.id });
      expect(renamed.body.snmp).toEqual({ version: '2c', port: 161, hasCommunity: true });

      const cleared = await t.call('PATCH', `/api/v1/devices/${device.id}`, { body: { site: null, role: null, notes: null, credentialId: null, snmp: null } });
      expect(cleared.body).toMatchObject({ site: null, siteId: null, role: null, notes: null, credentialId: null, snmp: null, host: '198.51.100.7', tags: ['core'] });
      expect(cleared.body.updatedAt >= device.updatedAt).toBe(true);
    });

    it('replaces tags and SNMP whole, and normalises a new platform alias', async () => {
      const device = await createDevice({ name: 'r1', tags: ['a', 'b'], snmp: { version: '2c', community: SECRETS.community } });
      const changed = await t.call('PATCH', `/api/v1/devices/${device.id}`, {
        body: { tags: ['c'], platform: 'nxos', enabled: false, snmp: { version: '3', username: 'u', authProtocol: 'sha', authKey: SECRETS.authKey } },
      });
      expect(changed.body).toMatchObject({ tags: ['c'], platform: 'cisco_nxos', enabled: false });
      expect(changed.body.snmp).toEqual({ version: '3', port: 161, username: 'u', authProtocol: 'sha', privProtocol: null, hasAuthKey: true, hasPrivKey: false });
    });

    it('renames, allows a change of case only, refuses a taken name', async () => {
      await createDevice({ name: 'taken' });
      const device = await createDevice({ name: 'r1' });
      expect((await t.call('PATCH', `/api/v1/devices/${device.id}`, { body: { name: 'R1' } })).body.name).toBe('R1');
      const clash = await t.call('PATCH', `/api/v1/devices/${device.id}`, { body: { name: 'TAKEN' } });
      expect(clash.status).toBe(409);
      expect((await t.call('GET', `/api/v1/devices/${device.id}`)).body.name).toBe('R1');
    });

    it('with an empty body changes nothing, not even updatedAt', async () => {
      const device = await createDevice({ name: 'r1' });
      const response = await t.call('PATCH', `/api/v1/devices/${device.id}`, { body: {} });
      expect(response.body).toEqual(device);
    });
  });

  it('deletes a device and its tags: 204, then 404', async () => {
    const device = await createDevice({ name: 'gone', tags: ['x'] });
    expect((await t.call('DELETE', `/api/v1/devices/${device.id}`)).status).toBe(204);
    const again = await t.call('GET', `/api/v1/devices/${device.id}`);
    expect(again.status).toBe(404);
    expect(again.body.message).toBe(`device "${device.id}" does not exist`);
    expect(await t.app.database.db.selectFrom('inventory_device_tags').selectAll().execute()).toEqual([]);
  });

  it('records the facts a backup run reports (service only) and shows them on the device', async () => {
    const device = await createDevice({ name: 'r1' });
    const reported = await t.call('PATCH', `/api/v1/internal/devices/${device.id}/facts`, {
      as: 'service',
      body: { model: 'C9300-48P', serial: 'FOC1234X0AB', osVersion: '17.9.4a' },
    });
    expect(reported.status).toBe(200);
    expect(reported.body.facts).toEqual({ model: 'C9300-48P', serial: 'FOC1234X0AB', osVersion: '17.9.4a', collectedAt: expect.any(String) });
    expect((await t.call('GET', `/api/v1/devices/${device.id}`, { as: 'viewer' })).body.facts.model).toBe('C9300-48P');
  });

  describe('list', () => {
    beforeEach(async () => {
      await createSite('dc1');
      await createSite('dc2');
      await createDevice({ name: 'c-core', platform: 'ios', site: 'dc1', role: 'core', tags: ['core', 'prod'], host: '10.0.0.3' });
      await createDevice({ name: 'a-edge', platform: 'junos', site: 'dc2', role: 'edge', tags: ['prod'], host: 'edge.example.net' });
      await createDevice({ name: 'b-core', platform: 'cisco_ios', site: 'dc2', role: 'core', tags: ['core'], enabled: false, notes: '100% uptime_target' });
      await createDevice({ name: 'd-lab', platform: 'eos', tags: ['lab'], notes: 'Loaner from VENDOR' });
    });

    const names = async (query: string) => {
      const response = await t.call('GET', `/api/v1/devices${query}`, { as: 'viewer' });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return (response.body.results as { name: string }[]).map((device) => device.name);
    };

    it('answers NetBox-style {count, next, previous, results}, by name by default', async () => {
      const response = await t.call('GET', '/api/v1/devices', { as: 'viewer' });
      expect(response.body).toMatchObject({ count: 4, next: null, previous: null });
      expect(response.body.results.map((d: { name: string }) => d.name)).toEqual(['a-edge', 'b-core', 'c-core', 'd-lab']);
    });

    it('pages with limit and offset; next and previous keep the query', async () => {
      const first = await t.call('GET', '/api/v1/devices?tag=core&limit=1&ordering=-name', { as: 'viewer' });
      expect(first.body.count).toBe(2);
      expect(first.body.results.map((d: { name: string }) => d.name)).toEqual(['c-core']);
      expect(first.body.previous).toBeNull();
      const next = new URL(first.body.next);
      expect(next.origin).toBe(t.app.url);
      expect(Object.fromEntries(next.searchParams)).toEqual({ tag: 'core', limit: '1', ordering: '-name', offset: '1' });

      const second = await t.call('GET', `${next.pathname}${next.search}`, { as: 'viewer' });
      expect(second.body.results.map((d: { name: string }) => d.name)).toEqual(['b-core']);
      expect(second.body.next).toBeNull();
      expect(Object.fromEntries(new URL(second.body.previous).searchParams)).toEqual({ tag: 'core', limit: '1', ordering: '-name' });

      const beyond = await t.call('GET', '/api/v1/devices?offset=10', { as: 'viewer' });
      expect(beyond.body).toMatchObject({ count: 4, results: [], next: null });
    });

    it('filters by site, role, platform (alias accepted), tag (AND) and enabled', async () => {
      expect(await names('?site=dc2')).toEqual(['a-edge', 'b-core']);
      expect(await names('?site=DC2')).toEqual(['a-edge', 'b-core']);
      expect(await names('?role=core')).toEqual(['b-core', 'c-core']);
      expect(await names('?platform=cisco.ios.ios')).toEqual(['b-core', 'c-core']);
      expect(await names('?platform=ios&tag=core&tag=prod')).toEqual(['c-core']);
      expect(await names('?tag=prod')).toEqual(['a-edge', 'c-core']);
      expect(await names('?tag=core&tag=lab')).toEqual([]);
      expect(await names('?enabled=false')).toEqual(['b-core']);
      expect(await names('?enabled=true&site=dc2')).toEqual(['a-edge']);
      expect(await names('?name=D-LAB&name=a-edge')).toEqual(['a-edge', 'd-lab']);
      const [first] = (await t.call('GET', '/api/v1/devices?limit=1', { as: 'viewer' })).body.results;
      expect(await names(`?id=${first.id}`)).toEqual(['a-edge']);
    });

    it('searches name, host and notes case-insensitively with q; wildcards and quotes are literal', async () => {
      expect(await names('?q=CORE')).toEqual(['b-core', 'c-core']);
      expect(await names('?q=example.NET')).toEqual(['a-edge']);
      expect(await names('?q=vendor')).toEqual(['d-lab']);
      expect(await names(`?q=${encodeURIComponent('100%')}`)).toEqual(['b-core']);
      expect(await names(`?q=${encodeURIComponent('%')}`)).toEqual(['b-core']);
      expect(await names('?q=_')).toEqual(['b-core']);
      expect(await names(`?q=${encodeURIComponent("' OR '1'='1")}`)).toEqual([]);
      expect(await names(`?q=${encodeURIComponent('\\')}`)).toEqual([]);
    });

    it('sorts by each documented field, both directions, nulls last', async () => {
      expect(await names('?ordering=-name')).toEqual(['d-lab', 'c-core', 'b-core', 'a-edge']);
      expect(await names('?ordering=platform')).toEqual(['d-lab', 'b-core', 'c-core', 'a-edge']);
      expect(await names('?ordering=site')).toEqual(['c-core', 'a-edge', 'b-core', 'd-lab']);
      expect(await names('?ordering=-site')).toEqual(['b-core', 'a-edge', 'c-core', 'd-lab']);
      expect(await names('?ordering=role')).toEqual(['b-core', 'c-core', 'a-edge', 'd-lab']);
      expect(await names('?ordering=createdAt')).toHaveLength(4);
      expect(await names('?ordering=-updatedAt')).toHaveLength(4);
    });
  });

  it('returned no secret in any response and wrote none to a log line', () => {
    expect(t.scanned().responses).toBeGreaterThan(20);
    expect(t.leaks(ALL_SECRETS)).toEqual([]);
  });
});
