import { QueueConnections } from '@netkeep/core';
import { DeviceLab } from '@netkeep/device-lab';
import { LabInventoryPort } from '@netkeep/testing';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_QUEUE } from '../backup.constants';
import { BackupQueues } from '../jobs/backup-queues';
import { startBackupTestApp, waitFor, type BackupTestApp } from '../testing/backup-test-app';
import { BackupRunsRepository } from './backup-runs.repository';
import { RunSupervisor } from './run-supervisor';

describe('the run supervisor', () => {
  let lab: DeviceLab;
  let inventory: LabInventoryPort;
  let app: BackupTestApp;

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 3, addressing: 'ports', port: 0, platforms: ['cisco_ios'] });
    inventory = new LabInventoryPort(lab.inventory().devices);
    // No SSH workers in this app: jobs wait in the queue until the test takes them.
    app = await startBackupTestApp({ inventory, settings: { role: 'api' } });
  });
  afterAll(async () => {
    await app?.close();
    await lab?.stop();
  });

  it('queues again a job Redis lost, and records a failure whose outcome was lost', async () => {
    const run = await app.startRun({ selector: {} });
    const queues = app.app.get(BackupQueues, { strict: false });
    const connections = app.app.get(QueueConnections, { strict: false });
    const supervisor = app.app.get(RunSupervisor, { strict: false });

    // A worker takes one job and dies right after failing it, before it could queue the outcome.
    const worker = new Worker(BACKUP_QUEUE, null, { connection: connections.commands.duplicate(), prefix: connections.prefix, autorun: false });
    const taken = (await worker.getNextJob('token-1'))!;
    await taken.moveToFailed(new UnrecoverableError('auth: permission denied'), 'token-1', false);
    await worker.close();
    // Another job vanishes from Redis.
    const others = run.results!.map((result) => result.deviceId).filter((id) => id !== taken.data.deviceId);
    await (await queues.deviceJob(run.id, others[0]!))!.remove();

    expect(await supervisor.superviseOnce(0)).toEqual({ requeued: 1, failed: 1 });
    expect(await (await queues.deviceJob(run.id, others[0]!))!.getState()).toBe('waiting');
    expect(await (await queues.deviceJob(run.id, others[1]!))!.getState()).toBe('waiting');
    const results = app.app.get(BackupRunsRepository, { strict: false });
    const failed = await waitFor('the lost failure recorded', async () => {
      const result = await results.result(run.id, taken.data.deviceId);
      return result?.status === 'failed' && result;
    });
    expect(failed).toMatchObject({ phase: 'auth', error: 'permission denied' });
    // Nothing more to do on a second pass.
    expect(await supervisor.superviseOnce(0)).toEqual({ requeued: 0, failed: 0 });
  });
});
