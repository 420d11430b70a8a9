import { INVENTORY_PORT, type DeviceConnectionDto, type InventoryPort, type UpdateDeviceFactsDto } from '@netkeep/contracts';
import { Clock, LOGGER, NotFoundError, QueueConnections, type NetkeepLogger } from '@netkeep/core';
import type { DeviceFacts } from '@netkeep/ssh';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { BACKUP_QUEUE, BACKUP_SETTINGS } from '../backup.constants';
import type { BackupSettings } from '../backup.config';
import { BackupRunsRepository, TERMINAL_STATUSES } from '../runs/backup-runs.repository';
import { Semaphore } from '../shared/semaphore';
import { classifyFailure, InventoryUnavailableError, type BackupFailure } from './backup-failure';
import type { DeviceBackupJob, StoreOutcome } from './backup-jobs';
import { DeviceConfigFetcher, type FetchedConfiguration } from './device-config-fetcher';
import { DeviceLocks, SiteSlots, type HeldLease } from './device-locks';
import { OutcomeDelivery } from './outcome-delivery';
import { RunningMarks } from './running-marks';

export type DeviceJobResult = 'fetched' | 'skipped';

/** What a session gave, with when it started. */
type SessionResult =
  | { ok: true; startedAt: string; connection: DeviceConnectionDto; fetched: FetchedConfiguration }
  | { ok: false; startedAt: string; failure: BackupFailure };

const FIRST_DEFERRAL_MS = 250;
const MAX_DEFERRAL_MS = 10_000;

/**
 * The SSH worker: per device job, take the device's lock (and a slot of its site), open a
 * session, fetch configuration and facts, and hand the configuration to the archive (see
 * OutcomeDelivery).
 * A busy device or site puts the job back, delayed, without spending an attempt. Auth and
 * host-key failures are final at once; timeouts and dropped connections are retried with
 * backoff; the last failure is handed over as the device's outcome.
 */
@Injectable()
export class DeviceBackupWorker implements OnApplicationBootstrap {
  private readonly locks: DeviceLocks;
  private readonly slots: SiteSlots;
  /** NETKEEP_BACKUP_CONCURRENCY: the sessions this process has open at once. */
  private readonly sessions: Semaphore;

  constructor(
    private readonly connections: QueueConnections,
    private readonly delivery: OutcomeDelivery,
    private readonly runs: BackupRunsRepository,
    private readonly runningMarks: RunningMarks,
    private readonly fetcher: DeviceConfigFetcher,
    private readonly clock: Clock,
    @Inject(BACKUP_SETTINGS) private readonly settings: BackupSettings,
    @Inject(INVENTORY_PORT) private readonly inventory: InventoryPort,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {
    const { keyPrefix, commands } = connections;
    this.locks = new DeviceLocks(commands, keyPrefix, settings.lockMs, logger);
    this.slots = new SiteSlots(commands, keyPrefix, settings.siteConcurrency, settings.lockMs, logger);
    this.sessions = new Semaphore(settings.concurrency);
  }

  onApplicationBootstrap(): void {
    this.connections.worker<DeviceBackupJob, DeviceJobResult>(BACKUP_QUEUE, (job, token) => this.process(job, token), {
      concurrency: this.settings.concurrency * this.delivery.jobsPerSession,
      lockDuration: this.settings.lockMs,
      stalledInterval: this.settings.lockMs,
      // A job whose worker died is taken up again; twice, in case the second dies too.
      maxStalledCount: 2,
    });
    this.logger.info({ concurrency: this.settings.concurrency, siteConcurrency: this.settings.siteConcurrency }, 'backup workers started');
  }

  async process(job: Job<DeviceBackupJob>, token: string | undefined): Promise<DeviceJobResult> {
    const { runId, deviceId } = job.data;
    // A job taken up again after its worker died may have had its outcome recorded already: then nothing is left to do.
    if (job.stalledCounter > 0) {
      const result = await this.runs.result(runId, deviceId);
      if (!result || TERMINAL_STATUSES.includes(result.status as (typeof TERMINAL_STATUSES)[number])) return 'skipped';
    }
    // One of this process's sessions covers the device's lock, its site's slot and the session; recording the outcome comes after.
    const session = await this.sessions.run(() => this.underLocks(job, token));
    return this.handOver(job, session);
  }

  /** The device's lock and a slot of its site around the session; a busy device or site puts the job back. */
  private async underLocks(job: Job<DeviceBackupJob>, token: string | undefined): Promise<SessionResult> {
    const owner = `${job.id}/${token ?? ''}`;
    const lock = await this.locks.acquire(job.data.deviceId, owner);
    if (!lock) return this.defer(job, token, `another session to ${job.data.deviceName} is open`);
    let slot: HeldLease | undefined;
    try {
      if (job.data.site && this.settings.siteConcurrency > 0) {
        slot = await this.slots.acquire(job.data.site, owner);
        if (!slot) return await this.defer(job, token, `site ${job.data.site} has ${this.settings.siteConcurrency} sessions open`);
      }
      return await this.fetch(job);
    } finally {
      await slot?.release();
      await lock.release();
    }
  }

  /** The session: the configuration and facts, or why they could not be read. */
  private async fetch(job: Job<DeviceBackupJob>): Promise<SessionResult> {
    const { runId, deviceId } = job.data;
    const startedAt = this.clock.now().toISOString();
    // Written while the session runs, not before it; a mark only moves a pending result, so it never undoes an outcome.
    const marked = this.runningMarks.mark(runId, deviceId, job.attemptsMade + 1, startedAt);
    try {
      const connection = await this.connectionOf(deviceId);
      const fetched = await this.fetcher.fetch(connection, { cryptoProfile: job.data.cryptoProfile, facts: job.data.collectFacts ?? true });
      return { ok: true, startedAt, connection, fetched };
    } catch (error) {
      return { ok: false, startedAt, failure: classifyFailure(error) };
    } finally {
      await marked;
    }
  }

  /** Gives the outcome to the archive (see OutcomeDelivery); a failure is retried unless final. */
  private async handOver(job: Job<DeviceBackupJob>, session: SessionResult): Promise<DeviceJobResult> {
    const { runId, deviceId, deviceName, trigger } = job.data;
    const attempt = job.attemptsMade + 1;
    const lastTry = attempt >= (job.opts.attempts ?? 1);
    const { startedAt } = session;
    if (!session.ok) {
      const { failure } = session;
      const final = failure.permanent || lastTry;
      this.logger.warn(
        { runId, deviceId, device: deviceName, phase: failure.phase, attempt, final },
        `backup of ${deviceName} failed in ${failure.phase} (attempt ${attempt}${final ? ', giving up' : ', will retry'}): ${failure.message}`,
      );
      if (final) {
        await this.delivery.deliver(
          { kind: 'failure', runId, deviceId, deviceName, trigger, phase: failure.phase, error: failure.message, attempts: attempt, startedAt, finishedAt: this.clock.now().toISOString() },
          true,
        );
      }
      if (failure.permanent) throw new UnrecoverableError(`${failure.phase}: ${failure.message}`);
      throw new Error(`${failure.phase}: ${failure.message}`);
    }
    const { connection, fetched } = session;
    const outcome: StoreOutcome = {
      kind: 'store',
      runId,
      deviceId,
      deviceName: connection.name,
      trigger,
      platform: connection.platform,
      content: fetched.content,
      author: job.data.author,
      cryptoProfile: fetched.cryptoProfile,
      attempts: attempt,
      startedAt,
      finishedAt: this.clock.now().toISOString(),
    };
    try {
      await this.delivery.deliver(outcome, lastTry);
    } catch (error) {
      // The configuration was read but not handed over: the job is tried again (the supervisor records a last failure).
      throw new Error(`archive: ${(error as Error).message}`);
    }
    if (fetched.facts) await this.recordFacts(deviceId, deviceName, fetched.facts);
    return 'fetched';
  }

  private async connectionOf(deviceId: string): Promise<DeviceConnectionDto> {
    try {
      return await this.inventory.connection(deviceId);
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError(`the device is no longer in the inventory (${error.message})`);
      throw new InventoryUnavailableError(`cannot reach the inventory for the device's connection: ${(error as Error).message}`);
    }
  }

  private async recordFacts(deviceId: string, deviceName: string, facts: DeviceFacts): Promise<void> {
    const update: UpdateDeviceFactsDto = {};
    if (facts.model) update.model = facts.model;
    if (facts.serial) update.serial = facts.serial;
    if (facts.osVersion) update.osVersion = facts.osVersion;
    if (Object.keys(update).length === 0) return;
    // The backup stands without them: an inventory hiccup is logged, not retried.
    await this.inventory.recordFacts(deviceId, update).catch((error: Error) =>
      this.logger.warn({ deviceId, device: deviceName, err: error }, `could not record the facts of ${deviceName}: ${error.message}`),
    );
  }

  /** Puts the job back, delayed more each time, without spending an attempt. */
  private async defer(job: Job<DeviceBackupJob>, token: string | undefined, reason: string): Promise<never> {
    const deferrals = (job.data.deferrals ?? 0) + 1;
    const base = Math.min(MAX_DEFERRAL_MS, FIRST_DEFERRAL_MS * 2 ** Math.min(deferrals - 1, 6));
    const delayMs = Math.round(base * (0.75 + Math.random() / 2));
    await job.updateData({ ...job.data, deferrals });
    await job.moveToDelayed(Date.now() + delayMs, token);
    this.logger.debug({ runId: job.data.runId, deviceId: job.data.deviceId, delayMs }, `${reason}: backup of ${job.data.deviceName} put back for ${delayMs} ms`);
    throw new DelayedError();
  }
}

