import { QueueConnections } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { ARCHIVE_QUEUE, BACKUP_QUEUE, BACKUP_SETTINGS } from '../backup.constants';
import type { BackupSettings } from '../backup.config';
import { deviceJobId, outcomeJobId, type BackupOutcome, type DeviceBackupJob } from './backup-jobs';

const HOUR_SECONDS = 3_600;
const ADD_CHUNK = 500;
/** Outcome jobs carry configurations: keep few once stored, just enough to absorb a duplicate add. */
const KEPT_OUTCOMES = { age: 600, count: 1_000 };

/** The two queues of a backup: device jobs, and the outcomes the archive consumes. */
@Injectable()
export class BackupQueues {
  readonly devices: Queue<DeviceBackupJob>;
  readonly outcomes: Queue<BackupOutcome>;

  constructor(
    queues: QueueConnections,
    @Inject(BACKUP_SETTINGS) private readonly settings: BackupSettings,
  ) {
    this.devices = queues.queue<DeviceBackupJob>(BACKUP_QUEUE);
    this.outcomes = queues.queue<BackupOutcome>(ARCHIVE_QUEUE);
  }

  /** One job per device; ids from run and device, so adding again is a no-op while the job exists. */
  async addDeviceJobs(jobs: readonly DeviceBackupJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += ADD_CHUNK) {
      await this.devices.addBulk(jobs.slice(i, i + ADD_CHUNK).map((data) => ({ name: 'device', data, opts: this.deviceJobOptions(data) })));
    }
  }

  deviceJob(runId: string, deviceId: string): Promise<Job<DeviceBackupJob> | undefined> {
    return this.devices.getJob(deviceJobId(runId, deviceId));
  }

  outcomeJob(runId: string, deviceId: string): Promise<Job<BackupOutcome> | undefined> {
    return this.outcomes.getJob(outcomeJobId(runId, deviceId));
  }

  async addOutcome(outcome: BackupOutcome): Promise<void> {
    await this.outcomes.add(outcome.kind, outcome, {
      jobId: outcomeJobId(outcome.runId, outcome.deviceId),
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: KEPT_OUTCOMES,
      removeOnFail: { age: 7 * 24 * HOUR_SECONDS },
    });
  }

  private deviceJobOptions(data: DeviceBackupJob): JobsOptions {
    return {
      jobId: deviceJobId(data.runId, data.deviceId),
      attempts: this.settings.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: { age: HOUR_SECONDS, count: 10_000 },
      removeOnFail: { age: 7 * 24 * HOUR_SECONDS, count: 10_000 },
    };
  }
}
