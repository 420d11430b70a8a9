import { DeviceLab } from '@netkeep/device-lab';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBackupTestApp, waitFor, type BackupTestApp } from '../testing/backup-test-app';
import { LabInventoryPort } from '@netkeep/testing';
import { BackupQueues } from './backup-queues';
import { deviceJobId } from './backup-jobs';

/** Samples the lab's open sessions until `done` settles; returns the highest count per key. */
async function sampleSessions(lab: DeviceLab, keyOf: (device: string) => string, done: Promise<unknown>): Promise<Map<string, number>> {
  const highest = new Map<string, number>();
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    const perKey = new Map<string, number>();
    for (const [device, count] of Object.entries(lab.fleet.openSessionsByDevice())) perKey.set(keyOf(device), (perKey.get(keyOf(device)) ?? 0) + count);
    for (const [key, count] of perKey) highest.set(key, Math.max(highest.get(key) ?? 0, count));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await done;
  return highest;
}

describe('concurrency limits', () => {
  let lab: DeviceLab;
  let inventory: LabInventoryPort;
  let app: BackupTestApp;
  const siteOf = (name: string) => (lab.fleet.device(name).identity.index % 2 === 0 ? 'paris' : 'lyon');

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 12, addressing: 'ports', port: 0, platforms: ['cisco_ios', 'arista_eos'] });
    inventory = new LabInventoryPort(lab.inventory().devices, { site: (_name, index) => (index % 2 === 0 ? 'paris' : 'lyon') });
    app = await startBackupTestApp({ inventory, settings: { concurrency: 30, siteConcurrency: 2 } });
  });
  afterAll(async () => {
    await app?.close();
    await lab?.stop();
  });

  it('never opens two sessions to one device, even when three runs include it at once', async () => {
    const devices = lab.fleet.list().slice(0, 6).map((device) => device.identity.name);
    // Without the device lock the three jobs of a device would start together, with 30 workers free.
    const runs = Promise.all([1, 2, 3].map(() => app.startRun({ deviceIds: devices.map((name) => inventory.idOf(name)) }))).then((started) =>
      Promise.all(started.map((run) => app.waitForRun(run.id))),
    );
    const highest = await sampleSessions(lab, (device) => device, runs);
    expect(Math.max(...highest.values())).toBe(1);
    expect([...highest.keys()].sort()).toEqual([...devices].sort());
    for (const run of await runs) expect(run.progress.succeeded + run.progress.unchanged).toBe(6);
  }, 60_000);

  it('keeps each site within NETKEEP_BACKUP_SITE_CONCURRENCY sessions while sites run side by side', async () => {
    const run = app.startRun({ selector: {} }).then((started) => app.waitForRun(started.id));
    const highest = await sampleSessions(lab, siteOf, run);
    expect((await run).progress.failed).toBe(0);
    expect(highest.get('paris')).toBe(2);
    expect(highest.get('lyon')).toBe(2);
  }, 60_000);
});

describe('sessions per worker process', () => {
  let lab: DeviceLab;
  let app: BackupTestApp;

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 16, addressing: 'ports', port: 0, platforms: ['cisco_ios', 'juniper_junos'] });
    app = await startBackupTestApp({ inventory: new LabInventoryPort(lab.inventory().devices), settings: { concurrency: 3, siteConcurrency: 0 } });
  });
  afterAll(async () => {
    await app?.close();
    await lab?.stop();
  });

  it('keeps NETKEEP_BACKUP_CONCURRENCY sessions open at most, and busy, while earlier outcomes are being recorded', async () => {
    const run = app.startRun({ selector: {} }).then((started) => app.waitForRun(started.id));
    const highest = await sampleSessions(lab, () => 'all', run);
    expect((await run).progress).toMatchObject({ total: 16, succeeded: 16 });
    expect(highest.get('all')).toBe(3);
  }, 60_000);
});

describe('retries', () => {
  let lab: DeviceLab;
  let inventory: LabInventoryPort;
  let app: BackupTestApp;
  const device = (index: number) => lab.fleet.list()[index]!.identity.name;

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 4, addressing: 'ports', port: 0, platforms: ['cisco_ios'] });
    inventory = new LabInventoryPort(lab.inventory().devices);
    app = await startBackupTestApp({ inventory, settings: { backoffMs: 1_000 } });
  });
  afterEach(() => {
    for (const entry of lab.fleet.list()) lab.fleet.setFaults(entry.identity.name, []);
  });
  afterAll(async () => {
    await app?.close();
    await lab?.stop();
  });

  it('tries an auth failure once, retries a dropped connection until it works, and gives up on a hang after three attempts', async () => {
    lab.fleet.setFaults(device(0), ['auth-fail']);
    lab.fleet.setFaults(device(1), ['disconnect-mid-output']);
    lab.fleet.setFaults(device(2), ['hang-mid-output']);
    const started = await app.startRun({ deviceIds: [0, 1, 2].map((i) => inventory.idOf(device(i))) });
    const queues = app.app.get(BackupQueues, { strict: false });
    // The dropped connection heals once the first attempt has failed: the retry finds it working.
    await waitFor('the first attempt on the dropping device to fail', async () => (await queues.devices.getJob(deviceJobId(started.id, inventory.idOf(device(1)))))!.attemptsMade >= 1, 10_000, 10);
    lab.fleet.setFaults(device(1), []);
    const run = await app.waitForRun(started.id);
    const byName = new Map(run.results!.map((result) => [result.deviceName, result]));
    expect(byName.get(device(0))).toMatchObject({ status: 'failed', phase: 'auth', attempts: 1 });
    expect(byName.get(device(1))).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(byName.get(device(2))).toMatchObject({ status: 'failed', phase: 'command', attempts: 3 });
    const authJob = await queues.devices.getJob(deviceJobId(started.id, inventory.idOf(device(0))));
    expect(authJob!.attemptsMade).toBe(1);
    expect(authJob!.failedReason).toMatch(/^auth: /);
  }, 60_000);

  it('refuses a changed host key at once and says so', async () => {
    const id = inventory.idOf(device(3));
    expect((await app.waitForRun((await app.startRun({ deviceIds: [id] })).id)).progress.succeeded).toBe(1);
    lab.fleet.rotateHostKey(device(3));
    const run = await app.waitForRun((await app.startRun({ deviceIds: [id] })).id);
    expect(run.results![0]).toMatchObject({ status: 'failed', phase: 'host-key', attempts: 1, error: expect.stringMatching(/host key/) });
    const status = (await app.request('GET', `/api/v1/devices/${id}/backup-status`, { token: app.operatorToken })).body;
    expect(status).toMatchObject({ lastOutcome: 'failed', lastError: { phase: 'host-key' }, lastSuccessAt: expect.any(String) });
  });
});
