import type { BackupRunDto, ConfigContentDto, ConfigDiffDto, ConfigSearchResultDto, ConfigVersionPageDto, DeviceBackupStatusPageDto } from '@netkeep/contracts';
import { DeviceLab } from '@netkeep/device-lab';
import { LabInventoryPort } from '@netkeep/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupTestApp, type BackupTestApp } from '../testing/backup-test-app';

/** The backup REST API end to end on PostgreSQL: runs, status, versions, diff and search, with their roles and errors. */
describe('backup REST API on PostgreSQL', () => {
  let lab: DeviceLab;
  let inventory: LabInventoryPort;
  let app: BackupTestApp;
  let viewer: string;
  let first: BackupRunDto;
  const ios = () => lab.fleet.list().find((device) => device.identity.platform === 'cisco_ios')!.identity.name;

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 4, addressing: 'ports', port: 0, platforms: ['cisco_ios', 'juniper_junos', 'arista_eos', 'cisco_nxos'] });
    inventory = new LabInventoryPort(lab.inventory().devices);
    inventory.setEnabled(lab.fleet.list()[3]!.identity.name, false);
    app = await startBackupTestApp({ inventory, database: 'postgres' });
    viewer = await app.tokenFor('viewer');
  });
  afterAll(async () => {
    await app?.close();
    await lab?.stop();
  });

  it('starts runs for operators only, and explains bad requests', async () => {
    expect((await app.request('POST', '/api/v1/backups', { body: { selector: {} } })).status).toBe(401);
    expect((await app.request('POST', '/api/v1/backups', { token: viewer, body: { selector: {} } })).status).toBe(403);
    const post = (body: unknown) => app.request('POST', '/api/v1/backups', { token: app.operatorToken, body });
    expect((await post({})).body).toMatchObject({ statusCode: 400, errors: [{ field: 'selector', problems: [expect.stringMatching(/give a selector/)] }] });
    expect((await post({ selector: {}, deviceIds: ['x'] })).body.errors[0].problems[0]).toMatch(/not both/);
    expect((await post({ selector: { colour: 'red' } })).body.errors[0].field).toBe('selector.colour');
    expect((await post({ deviceIds: [] })).body.errors[0].problems[0]).toMatch(/at least one device/);
    const unknown = await post({ deviceIds: ['no-such-device'] });
    expect(unknown.body.errors[0]).toEqual({ field: 'deviceIds', problems: ['no device has the id no-such-device'] });
    const disabled = lab.fleet.list()[3]!.identity.name;
    expect((await post({ deviceIds: [inventory.idOf(disabled)] })).body.errors[0].problems[0]).toMatch(/^disabled in the inventory/);

    first = await app.waitForRun((await app.startRun({ selector: {} })).id);
    expect(first).toMatchObject({ trigger: 'manual', status: 'finished', requestedBy: 'test-operator', selector: {}, progress: { total: 3, succeeded: 3 } });
    expect(first.results!.map((result) => result.deviceName)).not.toContain(disabled);
  });

  it('lists runs and shows one with its results, for viewers', async () => {
    const list = await app.request('GET', '/api/v1/backups?limit=5', { token: viewer });
    expect(list.body).toMatchObject({ count: 1, results: [{ id: first.id, progress: { succeeded: 3 } }] });
    expect(list.body.results[0].results).toBeUndefined();
    const failedOnly = await app.request<BackupRunDto>('GET', `/api/v1/backups/${first.id}?status=failed`, { token: viewer });
    expect(failedOnly.body.results).toEqual([]);
    expect((await app.request('GET', `/api/v1/backups/${first.id}?status=bogus`, { token: viewer })).status).toBe(400);
    expect((await app.request('GET', '/api/v1/backups/4b8e0f0e-0000-4000-8000-000000000000', { token: viewer })).status).toBe(404);
    const statuses = await app.request<DeviceBackupStatusPageDto>('GET', '/api/v1/backup-status', { token: viewer });
    expect(statuses.body.count).toBe(3);
    expect(statuses.body.results.every((status) => status.lastOutcome === 'succeeded' && status.lastRunId === first.id)).toBe(true);
    const never = lab.fleet.list()[3]!.identity.name;
    expect((await app.request('GET', `/api/v1/devices/${inventory.idOf(never)}/backup-status`, { token: viewer })).body).toMatchObject({ deviceName: never, lastOutcome: null, lastAttemptAt: null });
    expect((await app.request('GET', '/api/v1/devices/nope/backup-status', { token: viewer })).status).toBe(404);
  });

  it("serves a device's versions, any version's text, and diffs between any two", async () => {
    const name = ios();
    const id = inventory.idOf(name);
    const before = await app.request<ConfigContentDto>('GET', `/api/v1/devices/${id}/configs/latest`, { token: viewer });
    // A front-panel port (Gi1/0/1), not the management one.
    const port = /^interface (\S+\/\S+)\n description /m.exec(before.body.content)![1]!;
    lab.fleet.changeConfig(name, { descriptions: { [port]: 'uplink to core' }, addLines: ['ip domain name rest-api.example'] });
    await app.waitForRun((await app.startRun({ deviceIds: [id] })).id);

    const versions = await app.request<ConfigVersionPageDto>('GET', `/api/v1/devices/${id}/configs`, { token: viewer });
    expect(versions.body.count).toBe(2);
    const [second, firstVersion] = versions.body.results;
    expect(second).toMatchObject({ revision: 2, deviceName: name, platform: 'cisco_ios', author: { name: 'netkeep' } });

    const latest = await app.request<ConfigContentDto>('GET', `/api/v1/devices/${id}/configs/latest`, { token: viewer });
    expect(latest.body.version.id).toBe(second!.id);
    expect(latest.body.content).toContain('ip domain name rest-api.example');
    const old = await app.request<ConfigContentDto>('GET', `/api/v1/devices/${id}/configs/${firstVersion!.id}`, { token: viewer });
    expect(old.body.content).not.toContain('ip domain name rest-api.example');
    expect((await app.request('GET', `/api/v1/devices/${id}/configs/1`, { token: viewer })).body.version.id).toBe(firstVersion!.id);
    expect((await app.request('GET', `/api/v1/devices/${id}/configs/99`, { token: viewer })).status).toBe(404);

    const unified = await app.request<ConfigDiffDto>('GET', `/api/v1/devices/${id}/configs/diff?from=${firstVersion!.id}&to=${second!.id}`, { token: viewer });
    expect(unified.body).toMatchObject({ format: 'unified', from: { id: firstVersion!.id }, to: { id: second!.id } });
    expect(unified.body.patch).toContain('+ip domain name rest-api.example');
    const sections = await app.request<ConfigDiffDto>('GET', `/api/v1/devices/${id}/configs/diff?from=1&format=sections`, { token: viewer });
    expect(sections.body.format).toBe('sections');
    expect(sections.body.sections!.find((section) => section.section === `interface ${port}`)).toMatchObject({ status: 'changed', added: ['description uplink to core'] });
    expect((await app.request('GET', `/api/v1/devices/${id}/configs/diff?from=1&format=side-by-side`, { token: viewer })).status).toBe(400);
    expect((await app.request('GET', `/api/v1/devices/${id}/configs/diff`, { token: viewer })).status).toBe(400);
  });

  it("searches every device's latest configuration", async () => {
    const found = await app.request<ConfigSearchResultDto>('GET', `/api/v1/configs/search?pattern=${encodeURIComponent('^hostname ')}&limit=10`, { token: viewer });
    expect(found.status).toBe(200);
    expect(found.body.devicesSearched).toBe(3);
    expect(found.body.matches.length).toBeGreaterThanOrEqual(2);
    for (const match of found.body.matches) expect(match).toMatchObject({ deviceId: inventory.idOf(match.deviceName), lineNumber: expect.any(Number), line: expect.stringMatching(/^hostname /) });
    const limited = await app.request<ConfigSearchResultDto>('GET', '/api/v1/configs/search?pattern=.&limit=1', { token: viewer });
    expect(limited.body).toMatchObject({ truncated: true, matches: [expect.any(Object)] });
    expect((await app.request('GET', `/api/v1/configs/search?pattern=${encodeURIComponent('(unclosed')}`, { token: viewer })).status).toBe(400);
    expect((await app.request('GET', '/api/v1/configs/search', { token: viewer })).status).toBe(400);
  });
});
