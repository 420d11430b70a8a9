import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../../testing/archive.testkit';
import { DeviceStatusRepository } from '../status/device-status.repository';
import { archiveHistory } from '../testing/archive-history';
import { startBackupTestApp, waitFor, type BackupTestApp } from '../testing/backup-test-app';
import { LabInventoryPort, type LabInventoryRecord } from '@netkeep/testing';
import type { BackupOutcome } from './backup-jobs';
import { BackupQueues } from './backup-queues';

const DEVICES = 150;
const records: LabInventoryRecord[] = Array.from({ length: DEVICES }, (_, i) => ({
  name: `edge-${String(i).padStart(3, '0')}`,
  host: '127.0.0.1',
  port: 1,
  platform: 'cisco_ios',
  username: 'netkeep',
  password: 'unused',
}));
const at = new Date('2026-03-10T12:00:00Z').toISOString();

function storeOutcome(runId: string, record: LabInventoryRecord): BackupOutcome {
  return {
    kind: 'store',
    runId,
    deviceId: LabInventoryPort.idOf(record.name),
    deviceName: record.name,
    trigger: 'manual',
    platform: record.platform,
    content: `hostname ${record.name}\ninterface Gi0/1\n description ${runId}\n`,
    author: null,
    cryptoProfile: 'modern',
    attempts: 1,
    startedAt: at,
    finishedAt: at,
  };
}

function failureOutcome(runId: string, record: LabInventoryRecord): BackupOutcome {
  return { kind: 'failure', runId, deviceId: LabInventoryPort.idOf(record.name), deviceName: record.name, trigger: 'manual', phase: 'auth', error: 'permission denied', attempts: 1, startedAt: at, finishedAt: at };
}

describe('the archive consumer, taking outcomes many at a time', () => {
  let app: BackupTestApp;
  let queues: BackupQueues;
  const gitDir = () => join(app.config.dataDir, 'configs.git');
  const finishedLines = (runId: string) => app.logs.lines.filter((line) => line.includes(`"backup run ${runId} finished"`));
  const runOf = (from: number, to: number) => app.startRun({ deviceIds: records.slice(from, to).map((record) => LabInventoryPort.idOf(record.name)) });

  beforeAll(async () => {
    // No SSH workers: the test queues the outcomes a worker would.
    app = await startBackupTestApp({ inventory: new LabInventoryPort(records), settings: { role: 'api', archiveConcurrency: 32 } });
    queues = app.app.get(BackupQueues, { strict: false });
  });
  afterAll(() => app?.close());

  it('archives every device once in a linear history, records the right counts, and closes each run exactly once', async () => {
    const [first, second] = await Promise.all([runOf(0, 100), runOf(100, 130)]);
    const outcomes = [
      ...records.slice(0, 80).map((record) => storeOutcome(first.id, record)),
      ...records.slice(80, 100).map((record) => failureOutcome(first.id, record)),
      ...records.slice(100, 130).map((record) => storeOutcome(second.id, record)),
    ];
    // Interleaved, as outcomes of two runs arrive from many workers.
    await Promise.all(outcomes.map((_, i) => queues.addOutcome(outcomes[(i * 7) % outcomes.length] as BackupOutcome)));

    const [firstDone, secondDone] = await Promise.all([app.waitForRun(first.id), app.waitForRun(second.id)]);
    expect(firstDone.progress).toEqual({ total: 100, queued: 0, running: 0, succeeded: 80, unchanged: 0, failed: 20 });
    expect(secondDone.progress).toEqual({ total: 30, queued: 0, running: 0, succeeded: 30, unchanged: 0, failed: 0 });
    await waitFor('every outcome job completed', async () => (await queues.outcomes.getJobCounts('active', 'waiting', 'delayed')).active === 0);
    expect(finishedLines(first.id)).toHaveLength(1);
    expect(finishedLines(second.id)).toHaveLength(1);

    const history = await archiveHistory(app.config.dataDir);
    expect(history).toHaveLength(110);
    expect(history.every((commit) => commit.parents.length <= 1)).toBe(true);
    const committed = history.map((commit) => /^Device-Id: (.+)$/m.exec(commit.message)?.[1]);
    expect(new Set(committed).size).toBe(110);
    const stored = [...records.slice(0, 80), ...records.slice(100, 130)].map((record) => LabInventoryPort.idOf(record.name));
    expect([...committed].sort()).toEqual([...stored].sort());
    expect(git(gitDir(), 'fsck', '--strict', '--no-progress')).toBe('');
  });

  it('retries stores refused after their objects were written and before the branch moved: nothing accepted is lost', async () => {
    const run = await runOf(130, 140);
    const head = git(gitDir(), 'rev-parse', 'main').trim();
    const objectsBefore = countObjects(gitDir());
    const lock = join(gitDir(), 'refs/heads/main.lock');
    // The branch locked, as a git process killed mid-update leaves it.
    await writeFile(lock, '');
    await Promise.all(records.slice(130, 140).map((record) => queues.addOutcome(storeOutcome(run.id, record))));

    const refused = await waitFor('a store refused and put back for a retry', async () => {
      const jobs = await Promise.all(records.slice(130, 140).map((record) => queues.outcomeJob(run.id, LabInventoryPort.idOf(record.name))));
      return jobs.find((job) => (job?.attemptsMade ?? 0) > 0);
    });
    expect(refused.failedReason).toMatch(/refs\/heads\/main\.lock exists/);
    expect(git(gitDir(), 'rev-parse', 'main').trim()).toBe(head);
    expect(countObjects(gitDir())).toBeGreaterThan(objectsBefore);
    expect((await app.request('GET', `/api/v1/backups/${run.id}`, { token: app.operatorToken })).body.progress).toMatchObject({ succeeded: 0, queued: 10 });

    await rm(lock);
    const done = await app.waitForRun(run.id, 60_000);
    expect(done.progress).toMatchObject({ total: 10, succeeded: 10, failed: 0 });
    const history = await archiveHistory(app.config.dataDir);
    expect(history).toHaveLength(120);
    expect(history[10]?.oid).toBe(head);
    const committed = history.slice(0, 10).map((commit) => /^Device-Id: (.+)$/m.exec(commit.message)?.[1]);
    expect([...committed].sort()).toEqual(records.slice(130, 140).map((record) => LabInventoryPort.idOf(record.name)).sort());
    expect(finishedLines(run.id)).toHaveLength(1);
  }, 60_000);

  it('keeps the latest attempt as the device status when two runs of one device are recorded out of order', async () => {
    const record = records[140] as LabInventoryRecord;
    const deviceId = LabInventoryPort.idOf(record.name);
    const older = await runOf(140, 141);
    const newer = await runOf(140, 141);
    const later = new Date(Date.parse(at) + 60_000).toISOString();
    await queues.addOutcome({ ...storeOutcome(newer.id, record), startedAt: later, finishedAt: later });
    await app.waitForRun(newer.id);
    await queues.addOutcome(failureOutcome(older.id, record));
    expect((await app.waitForRun(older.id)).progress).toMatchObject({ failed: 1 });

    expect(await app.app.get(DeviceStatusRepository, { strict: false }).find(deviceId)).toMatchObject({
      last_outcome: 'succeeded',
      last_attempt_at: later,
      last_run_id: newer.id,
      last_error_at: null,
    });
  });
});

/** The objects of a repository, loose and packed, as git counts them. */
function countObjects(gitDir: string): number {
  const counts = git(gitDir, 'count-objects', '-v');
  return Number(/^count: (\d+)$/m.exec(counts)?.[1]) + Number(/^in-pack: (\d+)$/m.exec(counts)?.[1]);
}
