import { LOGGER, QueueConnections, ValidationFailedError, type NetkeepLogger } from '@netkeep/core';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ConfigArchive } from '../archive/config-archive';
import type { ConfigVersion } from '../archive/config-version';
import { ARCHIVE_QUEUE, BACKUP_SETTINGS } from '../backup.constants';
import type { BackupSettings } from '../backup.config';
import { BackupMetrics } from '../metrics/backup-metrics';
import { RunCompletion } from '../runs/run-completion';
import { WebhookDeliveries } from '../webhooks/webhook-deliveries';
import type { BackupOutcome, FailureOutcome, StoreOutcome } from './backup-jobs';
import { OutcomeRecords } from './outcome-records';

/**
 * The archive's one writer process: takes outcomes many at a time, queued ones from worker
 * processes (NETKEEP_BACKUP_ARCHIVE_CONCURRENCY) and those of its own workers handed over
 * directly (see OutcomeDelivery), so that the configurations that arrive together
 * are committed as one batch and their results and statuses written in one transaction; stores
 * configurations, records each device's result and status, updates the metrics, announces
 * changes and failures, and closes runs. Every step can be repeated: a store of the same run's
 * content reports the same version, results are overwritten with the same values, deliveries
 * have ids of their own.
 */
@Injectable()
export class ArchiveConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly connections: QueueConnections,
    private readonly archive: ConfigArchive,
    private readonly records: OutcomeRecords,
    private readonly completion: RunCompletion,
    private readonly metrics: BackupMetrics,
    private readonly webhooks: WebhookDeliveries,
    @Inject(BACKUP_SETTINGS) private readonly settings: BackupSettings,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const report = await this.archive.open();
    this.logger.info({ head: report.head ?? null }, 'configuration archive open');
    this.connections.worker<BackupOutcome, string>(ARCHIVE_QUEUE, (job) => this.consume(job), { concurrency: this.settings.archiveConcurrency, lockDuration: 60_000 });
  }

  consume(job: Job<BackupOutcome>): Promise<string> {
    return this.take(job.data, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }

  /**
   * Stores and records one outcome. A store the archive refuses for a reason that may pass (a
   * locked branch, a full disk) is thrown for a retry, unless `lastTry`: then, like a refusal
   * of the configuration itself, it is recorded as the device's failure in phase archive.
   */
  async take(outcome: BackupOutcome, lastTry: boolean): Promise<string> {
    if (outcome.kind === 'failure') return this.recordFailure(outcome);
    let stored: { changed: boolean; version: ConfigVersion };
    try {
      stored = await this.archive.store({
        deviceId: outcome.deviceId,
        deviceName: outcome.deviceName,
        platform: outcome.platform,
        content: outcome.content,
        trigger: outcome.trigger,
        runId: outcome.runId,
        author: outcome.author ? { name: outcome.author } : null,
      });
    } catch (error) {
      if (!(error instanceof ValidationFailedError) && !lastTry) throw error;
      return this.recordFailure({ ...outcome, kind: 'failure', phase: 'archive', error: `the archive refused the configuration: ${(error as Error).message}` });
    }
    return this.recordStored(outcome, stored.changed, stored.version);
  }

  private async recordStored(outcome: StoreOutcome, changed: boolean, version: ConfigVersion): Promise<string> {
    const status = changed ? 'succeeded' : 'unchanged';
    const at = outcome.finishedAt;
    await this.records.recordSuccess(
      outcome.runId,
      outcome.deviceId,
      { status, versionId: version.id, changed, attempts: outcome.attempts, startedAt: outcome.startedAt, finishedAt: at },
      { deviceName: outcome.deviceName, outcome: status, at, runId: outcome.runId, versionId: version.id, changed, cryptoProfile: outcome.cryptoProfile },
    );
    this.metrics.deviceFinished(changed ? 'success' : 'unchanged', outcome.deviceName, outcome.startedAt, at);
    if (changed) {
      await this.webhooks.publish('config.changed', version.id, async () => {
        const diff = version.revision > 1 ? await this.archive.diff(outcome.deviceId, String(version.revision - 1), version.id, { format: 'unified' }) : undefined;
        return {
          device: { id: outcome.deviceId, name: outcome.deviceName },
          run: { id: outcome.runId, trigger: outcome.trigger },
          version: { id: version.id, revision: version.revision, commit: version.commit, previousId: diff?.from.id ?? null, author: version.author.name },
          summary: version.summary,
          diff: diff?.patch ?? '',
        };
      });
    }
    await this.completion.outcomeRecorded(outcome.runId);
    return status;
  }

  private async recordFailure(outcome: FailureOutcome): Promise<string> {
    const recorded = await this.records.recordFailure(
      outcome.runId,
      outcome.deviceId,
      { phase: outcome.phase, error: outcome.error, attempts: outcome.attempts, startedAt: outcome.startedAt, finishedAt: outcome.finishedAt },
      { deviceName: outcome.deviceName, at: outcome.finishedAt, runId: outcome.runId, phase: outcome.phase, message: outcome.error },
    );
    if (recorded) {
      this.metrics.deviceFinished('failed', outcome.deviceName, outcome.startedAt, outcome.finishedAt);
      await this.webhooks.publish('backup.failed', `${outcome.runId}.${outcome.deviceId}`, async () => ({
        device: { id: outcome.deviceId, name: outcome.deviceName },
        run: { id: outcome.runId, trigger: outcome.trigger },
        error: { phase: outcome.phase, message: outcome.error, attempts: outcome.attempts },
      }));
    }
    await this.completion.outcomeRecorded(outcome.runId);
    return recorded ? 'failed' : 'already-final';
  }
}
