import type { DevicePageDto } from '@netkeep/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { InventoryTestApp, useInventoryTestApp } from '../testing/inventory-test-app';
import { ALL_SECRETS } from '../testing/test-secrets';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function nornirDocument(): string {
  const section = (file: string) =>
    fixture(`nornir/${file}.yaml`)
      .replace(/^---\n/, '')
      .trimEnd()
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
  return `hosts:\n${section('hosts')}\ngroups:\n${section('groups')}\ndefaults:\n${section('defaults')}\n`;
}

describe.each(['sqlite', 'postgres'] as const)('device import and export on %s', (kind) => {
  let t: InventoryTestApp;
  useInventoryTestApp(kind, (app) => (t = app));

  const devices = async (query = '') => (await t.call<DevicePageDto>('GET', `/api/v1/devices?limit=1000${query}`, { as: 'viewer' })).body.results;
  const connection = async (id: string) => (await t.call('GET', `/api/v1/internal/devices/${id}/connection`, { as: 'service' })).body;

  describe('CSV', () => {
    it('creates devices and the sites they name; a second run changes nothing', async () => {
      const first = await t.importFile('csv', fixture('devices-good.csv'), 'text/csv');
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toEqual({
        dryRun: false,
        created: 4,
        updated: 0,
        unchanged: 0,
        devices: ['core-sw-01', 'edge-rtr-01', 'leaf-01', 'oob-01'],
        changes: { created: ['core-sw-01', 'edge-rtr-01', 'leaf-01', 'oob-01'], updated: [] },
        sitesCreated: ['dc1', 'dc2'],
        credentialsCreated: [],
      });
      const stored = Object.fromEntries((await devices()).map((device) => [device.name, device]));
      expect(stored['core-sw-01']).toMatchObject({ platform: 'cisco_ios', site: 'dc1', role: 'core', tags: ['core', 'dc1'], notes: 'Rack A3, row 2' });
      expect(stored['core-sw-01'].snmp).toEqual({ version: '2c', port: 161, hasCommunity: true });
      expect(stored['edge-rtr-01']).toMatchObject({ port: 2222, platform: 'juniper_junos', tags: ['edge', 'wan'] });
      expect(stored['leaf-01']).toMatchObject({ platform: 'arista_eos', enabled: false, notes: '=not a formula' });
      expect(stored['oob-01']).toMatchObject({ port: 22, site: null, enabled: true, tags: [] });

      const before = await t.snapshot();
      const second = await t.importFile('csv', fixture('devices-good.csv'), 'text/csv');
      expect(second.body).toMatchObject({ created: 0, updated: 0, unchanged: 4, sitesCreated: [] });
      expect(await t.snapshot()).toEqual(before);
    });

    it('upserts by name: only the columns given change, the rest is kept', async () => {
      await t.importFile('csv', fixture('devices-good.csv'), 'text/csv');
      const result = await t.importFile('csv', 'name,tags,role\nCORE-SW-01,core|spine,spine\nnew-01,,\n', 'text/csv');
      expect(result.status).toBe(400);
      expect(result.body.errors).toEqual([
        { row: 3, name: 'new-01', field: 'host', problems: ['host is required for a new device'] },
        { row: 3, name: 'new-01', field: 'platform', problems: ['platform is required for a new device'] },
      ]);
      const update = await t.importFile('csv', 'name,tags,role\nCORE-SW-01,core|spine,spine\n', 'text/csv');
      expect(update.body).toMatchObject({ created: 0, updated: 1, changes: { updated: ['CORE-SW-01'] } });
      const [device] = await devices('&q=core-sw');
      expect(device).toMatchObject({ name: 'CORE-SW-01', role: 'spine', tags: ['core', 'spine'], host: '10.0.0.1', site: 'dc1', notes: 'Rack A3, row 2' });
      expect(device.snmp).toEqual({ version: '2c', port: 161, hasCommunity: true });
    });

    it('links a stored credential by name', async () => {
      const credential = (await t.call('POST', '/api/v1/credentials', { as: 'admin', body: { name: 'noc', username: 'netops' } })).body;
      await t.importFile('csv', 'name,host,platform,credential\nr1,10.0.0.1,ios,NOC\n', 'text/csv');
      expect((await devices())[0].credentialId).toBe(credential.id);
    });

    it('with dryRun reports what would change and writes nothing', async () => {
      await t.importFile('csv', 'name,host,platform\nold-01,10.0.0.1,ios\n', 'text/csv');
      const before = await t.snapshot();
      const plan = await t.importFile('csv', 'name,host,platform,site\nold-01,10.0.0.2,ios,\nnew-01,10.0.0.3,eos,dc9\n', 'text/csv', '&dryRun=true');
      expect(plan.body).toEqual({
        dryRun: true,
        created: 1,
        updated: 1,
        unchanged: 0,
        devices: ['old-01', 'new-01'],
        changes: { created: ['new-01'], updated: ['old-01'] },
        sitesCreated: ['dc9'],
        credentialsCreated: [],
      });
      expect(await t.snapshot()).toEqual(before);
    });

    it('rejects the whole file when one row is bad, listing every bad row and field', async () => {
      await t.importFile('csv', 'name,host,platform\nkeep-01,10.0.0.1,ios\n', 'text/csv');
      const before = await t.snapshot();
      const response = await t.importFile('csv', fixture('devices-bad.csv'), 'text/csv');
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/^Import rejected, nothing was changed: 6 rows have problems\. row 3 \(bad\/name\): name: /);
      expect(response.body.errors.map((e: { row: number; name: string; field: string }) => `${e.row} ${e.name} ${e.field}`)).toEqual([
        '3 bad/name name',
        '4 bad-host host',
        '5 bad-port port',
        '6 bad-platform platform',
        '7 bad-enabled enabled',
        '8 GOOD-01 name',
      ]);
      expect(await t.snapshot()).toEqual(before);
    });
  });

  describe('Ansible', () => {
    it('imports nested groups with their vars: sites, roles, tags, one credential per login', async () => {
      const response = await t.importFile('ansible', fixture('ansible-inventory.yml'), 'application/yaml');
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({
        created: 4,
        sitesCreated: ['dc1', 'dc2'],
        credentialsCreated: ['ansible-netops-1', 'ansible-juniper-ops-1'],
      });
      const stored = Object.fromEntries((await devices()).map((device) => [device.name, device]));
      expect(stored['dc1-core-02']).toMatchObject({ host: '10.1.0.2', port: 2222, platform: 'cisco_ios', site: 'dc1', role: 'core' });
      expect(stored['dc1-acc-01']).toMatchObject({ platform: 'arista_eos', role: 'access', notes: 'closet 4' });
      expect(stored['dc2-edge-01']).toMatchObject({ platform: 'juniper_junos', site: 'dc2', role: 'edge', tags: ['wan'] });
      expect(stored['dc1-core-01'].credentialId).toBe(stored['dc1-acc-01'].credentialId);
      expect(await connection(stored['dc1-core-01'].id)).toMatchObject({ username: 'netops', password: 'ansible-pass-9c1e', enableSecret: 'ansible-enable-41d2' });
      expect(await connection(stored['dc2-edge-01'].id)).toMatchObject({ username: 'juniper-ops', password: 'ansible-pass-9c1e', enableSecret: null });

      const again = await t.importFile('ansible', fixture('ansible-inventory.yml'), 'application/x-yaml');
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4, credentialsCreated: [] });
    });

    it('rejects an inventory with bad hosts, naming each', async () => {
      const response = await t.importFile('ansible', fixture('ansible-bad.yml'), 'application/yaml');
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`)).toEqual(['2 host', '3 port', '3 platform']);
      expect(await devices()).toEqual([]);
    });
  });

  it('imports a Nornir hosts/groups/defaults trio sent as one document', async () => {
    const response = await t.importFile('nornir', nornirDocument(), 'application/yaml');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ created: 3, sitesCreated: ['lab-a', 'lab-b'], credentialsCreated: ['nornir-automation-1', 'nornir-switch-admin-1'] });
    const stored = Object.fromEntries((await devices()).map((device) => [device.name, device]));
    expect(stored['r1']).toMatchObject({ platform: 'cisco_ios', site: 'lab-a', role: 'core', tags: ['core', 'global', 'nornir'] });
    expect(stored['r2']).toMatchObject({ platform: 'arista_eos', port: 830, site: 'lab-b', role: 'border' });
    expect(await connection(stored['sw1'].id)).toMatchObject({ username: 'switch-admin', password: 'nornir-sw1-pass', enableSecret: 'nornir-enable-5b7c' });
  });

  describe('device lab inventory', () => {
    it('creates one credential per distinct login and links each device to its own', async () => {
      const response = await t.importFile('lab', fixture('lab-inventory.json'), 'application/json');
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({ created: 5, credentialsCreated: ['lab-netkeep-1', 'lab-netkeep-2', 'lab-root-1'] });
      const stored = Object.fromEntries((await devices('&tag=lab')).map((device) => [device.name, device]));
      expect(Object.keys(stored)).toHaveLength(5);
      const credentials = (await t.call('GET', '/api/v1/credentials', { as: 'admin' })).body.results;
      const credentialName = (id: string | null) => credentials.find((c: { id: string }) => c.id === id)?.name;
      expect(credentialName(stored['lab-ios-01'].credentialId)).toBe('lab-netkeep-1');
      expect(credentialName(stored['lab-eos-01'].credentialId)).toBe('lab-netkeep-1');
      expect(credentialName(stored['lab-junos-01'].credentialId)).toBe('lab-netkeep-2');
      expect(credentialName(stored['lab-linux-01'].credentialId)).toBe('lab-root-1');
      expect(await connection(stored['lab-ios-02'].id)).toMatchObject({
        host: '127.20.0.2',
        port: 40002,
        platform: 'cisco_ios',
        username: 'netkeep',
        password: 'lab-pass-e41b',
        enableSecret: 'lab-enable-77aa',
      });
    });

    it('reuses the credentials on a second import: nothing changes', async () => {
      await t.importFile('lab', fixture('lab-inventory.json'), 'application/json');
      const before = await t.snapshot();
      const again = await t.importFile('lab', fixture('lab-inventory.json'), 'text/plain');
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 5, credentialsCreated: [] });
      expect(await t.snapshot()).toEqual(before);
    });
  });

  describe('export', () => {
    beforeEach(async () => {
      await t.call('POST', '/api/v1/credentials', { as: 'admin', body: { name: 'noc', username: 'netops', password: 'export-pass-1' } });
      await t.importFile('csv', fixture('devices-good.csv'), 'text/csv');
      await t.importFile('csv', 'name,credential,notes\noob-01,noc,"=cmd|\' /C calc\'!A0"\n', 'text/csv');
    });

    it('writes CSV with the import columns and no secrets; re-importing it changes nothing', async () => {
      const response = await t.call('GET', '/api/v1/devices/export?format=csv', { as: 'viewer' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="netkeep-devices.csv"');
      const lines = (response.body as string).trimEnd().split('\n');
      expect(lines[0]).toBe('name,host,port,platform,site,role,tags,enabled,credential,notes');
      expect(lines).toContain(`core-sw-01,10.0.0.1,22,cisco_ios,dc1,core,"core,dc1",true,,"Rack A3, row 2"`);
      // Formula-like cells are defused for spreadsheets, and come back exact on import.
      expect(lines).toContain(`oob-01,192.0.2.50,22,cisco_ios,,,,true,noc,'=cmd|' /C calc'!A0`);
      expect(response.body).not.toContain('csv-community-7f3a');

      const before = await t.snapshot();
      const reimport = await t.importFile('csv', response.body, 'text/csv');
      expect(reimport.body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
      expect(await t.snapshot()).toEqual(before);
    });

    it('writes an Ansible YAML inventory that re-imports unchanged', async () => {
      const response = await t.call('GET', '/api/v1/devices/export?format=yaml', { as: 'viewer' });
      expect(response.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
      expect(response.body).toContain('  hosts:\n    core-sw-01:\n      ansible_host: 10.0.0.1\n');
      expect(response.body).toContain('ansible_network_os: cisco.ios.ios');
      expect(response.body).toContain('netkeep_credential: noc');
      const before = await t.snapshot();
      const reimport = await t.importFile('ansible', response.body, 'application/yaml');
      expect(reimport.body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
      expect(await t.snapshot()).toEqual(before);
    });

    it('takes the list filters and ordering', async () => {
      const response = await t.call('GET', '/api/v1/devices/export?format=csv&platform=ios&enabled=true&ordering=-name', { as: 'viewer' });
      expect((response.body as string).trimEnd().split('\n').map((line) => line.split(',')[0])).toEqual(['name', 'oob-01', 'core-sw-01']);
    });
  });

  it('returned no secret in any response and wrote none to a log line', () => {
    expect(t.leaks([...ALL_SECRETS, 'export-pass-1'])).toEqual([]);
  });
});
