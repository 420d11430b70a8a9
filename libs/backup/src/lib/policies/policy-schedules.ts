import { LOGGER, QueueConnections, type NetkeepLogger } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Job, JobSchedulerJson, Queue } from 'bullmq';
import { SCHEDULES_QUEUE } from '../backup.constants';
import type { BackupPolicyRow } from '../backup-runs.tables';

export interface PolicyJob {
  policyId: string;
}

const SCHEDULER_PREFIX = 'policy.';

export const schedulerIdOf = (policyId: string): string => `${SCHEDULER_PREFIX}${policyId}`;

/** Policies as BullMQ job schedulers: one per enabled policy on the backup-schedules queue. */
@Injectable()
export class PolicySchedules {
  readonly queue: Queue<PolicyJob>;

  constructor(
    private readonly connections: QueueConnections,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {
    this.queue = connections.queue<PolicyJob>(SCHEDULES_QUEUE);
  }

  /** Schedules an enabled policy (replacing its old schedule) or unschedules a disabled one. */
  async sync(policy: BackupPolicyRow): Promise<void> {
    if (policy.enabled !== 1) {
      await this.unschedule(policy.id);
      return;
    }
    await this.queue.upsertJobScheduler(
      schedulerIdOf(policy.id),
      { pattern: policy.cron, tz: policy.timezone },
      { name: 'policy', data: { policyId: policy.id }, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
    );
  }

  async unschedule(policyId: string): Promise<void> {
    await this.queue.removeJobScheduler(schedulerIdOf(policyId));
  }

  /** Makes Redis agree with the database: every enabled policy scheduled as it is, nothing else. */
  async reconcile(policies: readonly BackupPolicyRow[]): Promise<{ scheduled: number; removed: number }> {
    const wanted = new Map(policies.filter((policy) => policy.enabled === 1).map((policy) => [schedulerIdOf(policy.id), policy]));
    let removed = 0;
    for (const scheduler of await this.schedulers()) {
      const id = scheduler.id ?? scheduler.key;
      const policy = wanted.get(id);
      if (!policy) {
        await this.queue.removeJobScheduler(id);
        removed++;
      } else if (scheduler.pattern === policy.cron && scheduler.tz === policy.timezone) {
        wanted.delete(id);
      }
    }
    for (const policy of wanted.values()) await this.sync(policy);
    if (removed > 0 || wanted.size > 0) this.logger.info({ scheduled: wanted.size, removed }, 'backup schedules reconciled with the policies');
    return { scheduled: wanted.size, removed };
  }

  /** When each scheduled policy fires next, by policy id. */
  async nextRuns(): Promise<Map<string, string>> {
    const next = new Map<string, string>();
    for (const scheduler of await this.schedulers()) {
      const id = scheduler.id ?? scheduler.key;
      if (scheduler.next !== undefined) next.set(id.slice(SCHEDULER_PREFIX.length), new Date(scheduler.next).toISOString());
    }
    return next;
  }

  schedulers(): Promise<JobSchedulerJson<PolicyJob>[]> {
    return this.queue.getJobSchedulers(0, -1, true);
  }

  /** Fired policy jobs go to `run`; only the API process runs this. */
  startWorker(run: (job: Job<PolicyJob>) => Promise<unknown>): void {
    this.connections.worker<PolicyJob>(SCHEDULES_QUEUE, run, { concurrency: 1 });
  }
}
