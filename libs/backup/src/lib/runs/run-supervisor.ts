import { BACKUP_FAILURE_PHASES, INVENTORY_PORT, type BackupFailurePhase, type InventoryPort } from '@netkeep/contracts';
import { Clock, LOGGER, type NetkeepLogger } from '@netkeep/core';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { BACKUP_SETTINGS } from '../backup.constants';
import type { BackupSettings } from '../backup.config';
import type { BackupResultRow, BackupRunRow } from '../backup-runs.tables';
import { BackupQueues } from '../jobs/backup-queues';
import { BackupRunsRepository, PENDING_STATUSES } from './backup-runs.repository';

const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export interface SupervisionReport {
  requeued: number;
  failed: number;
}

/**
 * Runs always finish. Every few seconds (and at start-up) each unfinished run's pending
 * devices are checked against the queues: a device whose job Redis lost (a restart without
 * its append-only file, a crash between recording a run and queueing it) is queued again,
 * and one whose job failed without its outcome being recorded is recorded as failed.
 */
@Injectable()
export class RunSupervisor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private pass?: Promise<unknown>;

  constructor(
    private readonly runs: BackupRunsRepository,
    private readonly queues: BackupQueues,
    private readonly clock: Clock,
    @Inject(BACKUP_SETTINGS) private readonly settings: BackupSettings,
    @Inject(INVENTORY_PORT) private readonly inventory: InventoryPort,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.pass ??= this.superviseOnce()
        .catch((error: Error) => this.logger.warn({ err: error }, `run supervision failed: ${error.message}`))
        .finally(() => (this.pass = undefined));
    };
    tick();
    this.timer = setInterval(tick, this.settings.superviseIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  /** One pass over the unfinished runs older than one supervision interval. */
  async superviseOnce(minimumAgeMs = this.settings.superviseIntervalMs): Promise<SupervisionReport> {
    const report: SupervisionReport = { requeued: 0, failed: 0 };
    const cutoff = this.clock.now().getTime() - minimumAgeMs;
    for (const run of await this.runs.unfinished()) {
      if (Date.parse(run.created_at) > cutoff) continue;
      for (const result of await this.runs.results(run.id, PENDING_STATUSES)) {
        const action = await this.supervise(run, result);
        if (action === 'requeued') report.requeued++;
        if (action === 'failed') report.failed++;
      }
      await this.runs.finishIfDone(run.id, this.clock.now().toISOString());
    }
    if (report.requeued + report.failed > 0) this.logger.warn(report, `run supervision: ${report.requeued} device jobs queued again, ${report.failed} lost failures recorded`);
    return report;
  }

  private async supervise(run: BackupRunRow, result: BackupResultRow): Promise<'ok' | 'requeued' | 'failed'> {
    const outcome = await this.queues.outcomeJob(run.id, result.device_id);
    if (outcome) return 'ok';
    const job = await this.queues.deviceJob(run.id, result.device_id);
    const state = job ? await job.getState() : 'missing';
    if (LIVE_STATES.has(state)) return 'ok';
    // Recorded while we looked: the outcome was consumed and removed.
    const now = await this.runs.result(run.id, result.device_id);
    if (!now || !PENDING_STATUSES.includes(now.status as (typeof PENDING_STATUSES)[number])) return 'ok';
    if (job && state === 'failed') {
      const [phaseText, ...rest] = (job.failedReason ?? '').split(': ');
      const phase = (BACKUP_FAILURE_PHASES as readonly string[]).includes(phaseText) ? (phaseText as BackupFailurePhase) : 'internal';
      const at = this.clock.now().toISOString();
      await this.queues.addOutcome({
        kind: 'failure',
        runId: run.id,
        deviceId: result.device_id,
        deviceName: result.device_name,
        trigger: run.trigger,
        phase,
        error: rest.join(': ') || job.failedReason || 'the job failed',
        attempts: Math.max(1, job.attemptsMade),
        startedAt: result.started_at ?? at,
        finishedAt: at,
      });
      return 'failed';
    }
    await job?.remove();
    const device = await this.inventory.getDevice(result.device_id);
    await this.queues.addDeviceJobs([
      {
        runId: run.id,
        deviceId: result.device_id,
        deviceName: result.device_name,
        site: device?.site ?? null,
        trigger: run.trigger,
        author: run.author,
        cryptoProfile: null,
      },
    ]);
    return 'requeued';
  }
}
