import type { BackupPolicyDto, BackupPolicyListDto, BackupRunPageDto } from '@netkeep/contracts';
import { createTestDatabase, type TestDatabase } from '@netkeep/core';
import { DeviceLab } from '@netkeep/device-lab';
import { LabInventoryPort } from '@netkeep/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../backup-runs.migrations';
import { startBackupTestApp, waitFor, type BackupTestApp } from '../testing/backup-test-app';
import { PolicySchedules, schedulerIdOf } from './policy-schedules';
import { scheduleProblems } from './cron-schedule';

describe('backup policies', () => {
  let lab: DeviceLab;
  let inventory: LabInventoryPort;
  let database: TestDatabase;
  let app: BackupTestApp;
  let schedules: PolicySchedules;
  const scheduler = async (policyId: string) => (await schedules.schedulers()).find((entry) => (entry.id ?? entry.key) === schedulerIdOf(policyId));

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 2, addressing: 'ports', port: 0, platforms: ['cisco_ios'] });
    inventory = new LabInventoryPort(lab.inventory().devices);
    database = await createTestDatabase('sqlite');
    app = await startBackupTestApp({ inventory, database });
    schedules = app.app.get(PolicySchedules, { strict: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    await lab?.stop();
  });

  it('start with the daily policy over every enabled device, scheduled', async () => {
    const list = await app.request<BackupPolicyListDto>('GET', '/api/v1/backup-policies', { token: await app.tokenFor('viewer') });
    expect(list.body.results).toEqual([
      expect.objectContaining({ id: DEFAULT_POLICY.id, name: 'daily', cron: '0 2 * * *', timezone: 'UTC', selector: {}, enabled: true, nextRunAt: expect.stringMatching(/T02:00:00\.000Z$/) }),
    ]);
    expect(await scheduler(DEFAULT_POLICY.id)).toMatchObject({ pattern: '0 2 * * *', tz: 'UTC', template: { data: { policyId: DEFAULT_POLICY.id } } });
  });

  it('are rescheduled when edited, unscheduled when disabled or deleted', async () => {
    const created = await app.request<BackupPolicyDto>('POST', '/api/v1/backup-policies', {
      token: app.operatorToken,
      body: { name: 'core-hourly', cron: '15 * * * *', timezone: 'Europe/Berlin', selector: { site: 'core' } },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(await scheduler(id)).toMatchObject({ pattern: '15 * * * *', tz: 'Europe/Berlin' });

    const edited = await app.request<BackupPolicyDto>('PATCH', `/api/v1/backup-policies/${id}`, { token: app.operatorToken, body: { cron: '30 4 * * 1', timezone: 'America/New_York' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ cron: '30 4 * * 1', timezone: 'America/New_York', selector: { site: 'core' } });
    const rescheduled = await scheduler(id);
    expect(rescheduled).toMatchObject({ pattern: '30 4 * * 1', tz: 'America/New_York' });
    expect(new Date(rescheduled!.next!).toISOString()).toBe(edited.body.nextRunAt);
    expect((await schedules.schedulers()).filter((entry) => (entry.id ?? entry.key) === schedulerIdOf(id))).toHaveLength(1);

    await app.request('PATCH', `/api/v1/backup-policies/${id}`, { token: app.operatorToken, body: { enabled: false } });
    expect(await scheduler(id)).toBeUndefined();
    expect((await app.request('GET', `/api/v1/backup-policies/${id}`, { token: app.operatorToken })).body.nextRunAt).toBeNull();
    await app.request('PATCH', `/api/v1/backup-policies/${id}`, { token: app.operatorToken, body: { enabled: true } });
    expect(await scheduler(id)).toMatchObject({ pattern: '30 4 * * 1' });

    expect((await app.request('DELETE', `/api/v1/backup-policies/${id}`, { token: app.operatorToken })).status).toBe(204);
    expect(await scheduler(id)).toBeUndefined();
    expect((await app.request('GET', `/api/v1/backup-policies/${id}`, { token: app.operatorToken })).status).toBe(404);
  });

  it('refuse bad schedules with a message that says what is wrong, and keep names unique', async () => {
    const post = (body: object, token = app.operatorToken) => app.request('POST', '/api/v1/backup-policies', { token, body });
    const cron = await post({ name: 'x', cron: '61 * * * *' });
    expect(cron.status).toBe(400);
    expect(cron.body.errors).toEqual([{ field: 'cron', problems: [expect.stringMatching(/^cron "61 \* \* \* \*" is not a valid cron expression \(.*0-59.*\); e\.g\./)] }]);
    const zone = await post({ name: 'x', cron: '0 1 * * *', timezone: 'Mars/Olympus' });
    expect(zone.body.errors).toEqual([{ field: 'timezone', problems: [expect.stringContaining('is not an IANA time zone')] }]);
    expect((await post({ name: 'x', cron: '*/5 * * * * *' })).body.errors[0].problems[0]).toMatch(/more than once a minute/);
    expect((await post({ name: 'x', cron: '0 1 * * *', selector: { tags: ['bad tag'] } })).body.errors[0].field).toBe('selector.tags');
    expect((await post({ name: 'Daily', cron: '0 1 * * *' })).status).toBe(409);
    expect((await post({ name: 'y', cron: '0 1 * * *' }, await app.tokenFor('viewer'))).status).toBe(403);
    expect((await app.request('PATCH', `/api/v1/backup-policies/${DEFAULT_POLICY.id}`, { token: app.operatorToken, body: { timezone: 'Nowhere/Else' } })).status).toBe(400);
  });

  it('start a scheduled run over their selector when their schedule fires', async () => {
    const name = lab.fleet.list()[0]!.identity.name;
    const created = await app.request<BackupPolicyDto>('POST', '/api/v1/backup-policies', { token: app.operatorToken, body: { name: 'one-device', cron: '0 3 * * *', selector: { names: [name] } } });
    // What the job scheduler adds when the cron fires.
    await schedules.queue.add('policy', { policyId: created.body.id });
    const run = await waitFor('the scheduled run', async () => {
      const runs = await app.request<BackupRunPageDto>('GET', '/api/v1/backups?trigger=schedule', { token: app.operatorToken });
      return runs.body.results[0];
    });
    expect(run).toMatchObject({ trigger: 'schedule', policyId: created.body.id, requestedBy: 'policy one-device', progress: { total: 1 } });
    expect((await app.waitForRun(run.id)).results![0]).toMatchObject({ deviceName: name, status: 'succeeded' });
  });

  it('are scheduled again at start-up when Redis forgot them', async () => {
    const policies = (await app.request<BackupPolicyListDto>('GET', '/api/v1/backup-policies', { token: app.operatorToken })).body.results;
    // Closing the test app deletes its Redis keys: the next app finds no schedulers at all.
    await app.close();
    app = await startBackupTestApp({ inventory, database });
    schedules = app.app.get(PolicySchedules, { strict: false });
    const ids = (await schedules.schedulers()).map((entry) => entry.id ?? entry.key).sort();
    expect(ids).toEqual(policies.filter((policy) => policy.enabled).map((policy) => schedulerIdOf(policy.id)).sort());
  });
});

describe('scheduleProblems', () => {
  it('accepts 5- and 6-field expressions and aliases, in any IANA zone', () => {
    expect(scheduleProblems('0 2 * * *', 'UTC')).toEqual([]);
    expect(scheduleProblems('0 0 2 * * 1-5', 'Asia/Tokyo')).toEqual([]);
    expect(scheduleProblems('@daily', 'Europe/Berlin')).toEqual([]);
  });
  it('names the field and the reason', () => {
    expect(scheduleProblems('* * * * * * *', 'UTC')[0]).toMatchObject({ field: 'cron', problems: [expect.stringMatching(/too many fields/)] });
    expect(scheduleProblems('* * *', 'UTC')[0]).toMatchObject({ field: 'cron', problems: [expect.stringMatching(/has 3 fields; give 5/)] });
    expect(scheduleProblems('0 0 31 2 *', 'UTC')[0]!.field).toBe('cron');
    expect(scheduleProblems('0 2 * * *', 'UTC+2')[0]!.field).toBe('timezone');
  });
});
