import { QueueConnections } from '@netkeep/core';
import { Injectable } from '@nestjs/common';
import type { JobSchedulerJson, JobsOptions, Queue } from 'bullmq';
import { TELEMETRY_POLL_QUEUE } from '../telemetry.constants';
import { deviceIdOfScheduler, pollOffsetMs, schedulerIdOf, type PollJob } from './poll-schedule';

/** A poll leaves nothing in the queue: its outcome is in the device's state, and the next one is already scheduled. */
const POLL_JOB_OPTIONS: JobsOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** A device's schedule as BullMQ holds it. */
export interface DeviceSchedule {
  deviceId: string;
  everyMs: number;
  offsetMs?: number;
  source?: PollJob['source'];
  /** Epoch ms of the next poll. */
  nextMs?: number;
}

/** The telemetry-poll queue: one job scheduler per polled device, and polls asked for through the API. */
@Injectable()
export class PollQueue {
  readonly queue: Queue<PollJob>;

  constructor(connections: QueueConnections) {
    this.queue = connections.queue<PollJob>(TELEMETRY_POLL_QUEUE);
  }

  /** Polls the device every `intervalSeconds`, at its own offset in the interval; replaces its previous schedule. */
  async schedule(job: PollJob): Promise<void> {
    const everyMs = job.intervalSeconds * 1000;
    await this.queue.upsertJobScheduler(
      schedulerIdOf(job.deviceId),
      { every: everyMs, offset: pollOffsetMs(job.deviceId, everyMs) },
      { name: 'poll', data: job, opts: POLL_JOB_OPTIONS },
    );
  }

  async unschedule(deviceId: string): Promise<void> {
    await this.queue.removeJobScheduler(schedulerIdOf(deviceId));
  }

  /** Every device schedule, by device id. */
  async schedules(): Promise<Map<string, DeviceSchedule>> {
    const schedulers: JobSchedulerJson<PollJob>[] = await this.queue.getJobSchedulers(0, -1, true);
    const found = new Map<string, DeviceSchedule>();
    for (const scheduler of schedulers) {
      const deviceId = deviceIdOfScheduler(scheduler.id ?? scheduler.key);
      if (deviceId === undefined || scheduler.every === undefined) continue;
      found.set(deviceId, {
        deviceId,
        everyMs: scheduler.every,
        ...(scheduler.offset === undefined ? {} : { offsetMs: scheduler.offset }),
        ...(scheduler.template?.data?.source === undefined ? {} : { source: scheduler.template.data.source }),
        ...(scheduler.next === undefined ? {} : { nextMs: scheduler.next }),
      });
    }
    return found;
  }

  /** When the device's next scheduled poll is due; undefined when it has no schedule. */
  async nextPollMs(deviceId: string): Promise<number | undefined> {
    return (await this.queue.getJobScheduler(schedulerIdOf(deviceId)))?.next ?? undefined;
  }

  /** A poll now, beside the schedule. */
  async pollNow(job: PollJob): Promise<string> {
    const added = await this.queue.add('poll-now', job, { ...POLL_JOB_OPTIONS, jobId: `now:${job.deviceId}:${Date.now()}` });
    return added.id ?? '';
  }
}
