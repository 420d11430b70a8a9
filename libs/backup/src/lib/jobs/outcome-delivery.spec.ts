import type { BackupResultDto } from '@netkeep/contracts';
import { DeviceLab } from '@netkeep/device-lab';
import { LabInventoryPort } from '@netkeep/testing';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { archiveHistory } from '../testing/archive-history';
import { startBackupTestApp, waitFor, type BackupTestApp } from '../testing/backup-test-app';
import { BackupQueues } from './backup-queues';

describe('outcomes of a process that owns the archive (role all)', () => {
  let lab: DeviceLab;
  let app: BackupTestApp;
  let queues: BackupQueues;
  const branchLock = () => join(app.config.dataDir, 'configs.git', 'refs/heads/main.lock');
  const deviceIds = (from: number, to: number) => lab.inventory().devices.slice(from, to).map((device) => LabInventoryPort.idOf(device.name));

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 8, addressing: 'ports', port: 0, platforms: ['cisco_ios'] });
    app = await startBackupTestApp({ inventory: new LabInventoryPort(lab.inventory().devices), settings: { role: 'all', attempts: 2, backoffMs: 300 } });
    queues = app.app.get(BackupQueues, { strict: false });
  });
  afterEach(() => rm(branchLock(), { force: true }));
  afterAll(async () => {
    await app?.close();
    await lab?.stop();
  });

  it('are recorded by the device job itself: nothing goes through the archive queue', async () => {
    const run = await app.waitForRun((await app.startRun({ deviceIds: deviceIds(0, 4) })).id);
    expect(run.progress).toMatchObject({ total: 4, succeeded: 4, failed: 0 });
    expect((run.results as BackupResultDto[]).every((result) => result.attempts === 1 && result.versionId)).toBe(true);
    expect(await queues.outcomes.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed')).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 });
    expect(await archiveHistory(app.config.dataDir)).toHaveLength(4);
  });

  it('a store the archive refuses for the moment costs the device job an attempt, and lands once it can', async () => {
    await writeFile(branchLock(), '');
    const started = await app.startRun({ deviceIds: deviceIds(4, 6) });
    const refused = await waitFor('a device job failed its first attempt on the locked branch', async () => {
      const jobs = await Promise.all(deviceIds(4, 6).map((deviceId) => queues.deviceJob(started.id, deviceId)));
      return jobs.find((job) => (job?.attemptsMade ?? 0) > 0);
    });
    expect(refused.failedReason).toMatch(/^archive: .*refs\/heads\/main\.lock exists/);
    await rm(branchLock());

    const run = await app.waitForRun(started.id);
    expect(run.progress).toMatchObject({ total: 2, succeeded: 2, failed: 0 });
    expect((run.results as BackupResultDto[]).map((result) => result.attempts)).toContain(2);
    expect(await archiveHistory(app.config.dataDir)).toHaveLength(6);
  });

  it('on the last attempt, a refused store is recorded as the device failing in phase archive', async () => {
    await writeFile(branchLock(), '');
    const run = await app.waitForRun((await app.startRun({ deviceIds: deviceIds(6, 8) })).id);
    expect(run.progress).toMatchObject({ total: 2, succeeded: 0, failed: 2 });
    for (const result of run.results as BackupResultDto[]) {
      expect(result).toMatchObject({ status: 'failed', phase: 'archive', attempts: 2 });
      expect(result.error).toMatch(/refs\/heads\/main\.lock exists/);
    }
    expect(await archiveHistory(app.config.dataDir)).toHaveLength(6);
  });
});
