import type { PollSource } from '@netkeep/contracts';
import { Clock, LOGGER, QueueConnections, type NetkeepLogger } from '@netkeep/core';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { nextSnapshot } from '../state/device-snapshot';
import { TelemetryStateStore } from '../state/telemetry-state.store';
import { TELEMETRY_CONFIG, TELEMETRY_POLL_QUEUE } from '../telemetry.constants';
import { pollDeadlineMs, type TelemetryConfig } from '../telemetry.config';
import { DeviceConnections } from './device-connections';
import { DevicePoller } from './device-poller';
import { invalidatesConnection, pollErrorKind } from './poll-errors';
import type { PollJob } from './poll-schedule';

/** The lock outlives the poll's deadline by this much: the time to write its outcome. */
const LOCK_SLACK_MS = 5_000;
/**
 * BullMQ renews a running job's lock every half of this, so it bounds nothing about the poll;
 * it bounds how long a poll whose completion Redis never heard (it was restarting) stays active
 * before the stall check, run this often, hands it back: about 15 s instead of BullMQ's 60 s.
 */
const POLL_JOB_LOCK_MS = 10_000;
const POLL_STALL_CHECK_MS = 5_000;

export type PollOutcome = 'ok' | 'failed' | 'skipped';

/**
 * Takes poll jobs off the telemetry-poll queue, many at once (polls wait on the network),
 * each bounded by its deadline, so a dead device holds one slot for a bounded time and the
 * others keep their interval. Stateless: the previous sample and every outcome are in Redis.
 */
@Injectable()
export class DevicePollWorker implements OnApplicationBootstrap {
  constructor(
    private readonly queues: QueueConnections,
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
    private readonly store: TelemetryStateStore,
    private readonly connections: DeviceConnections,
    private readonly poller: DevicePoller,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.queues.worker<PollJob, PollOutcome>(TELEMETRY_POLL_QUEUE, (job) => this.poll(job.data), {
      concurrency: this.config.concurrency,
      lockDuration: POLL_JOB_LOCK_MS,
      stalledInterval: POLL_STALL_CHECK_MS,
    });
  }

  /** One poll of one device, its outcome stored; never throws for the device's sake. */
  async poll(job: PollJob): Promise<PollOutcome> {
    const { deviceId, intervalSeconds } = job;
    const deadlineMs = pollDeadlineMs(this.config, intervalSeconds);
    const token = randomUUID();
    const started = performance.now();
    const { locked, previous, consecutiveFailures } = await this.store.begin(deviceId, token, deadlineMs + LOCK_SLACK_MS);
    if (!locked) {
      this.logger.debug({ deviceId }, 'poll skipped: the previous poll of this device is still running');
      return 'skipped';
    }
    let name = previous?.name ?? deviceId;
    let source: PollSource | undefined;
    try {
      const connection = await this.connections.get(deviceId);
      name = connection.name;
      source = this.poller.sourceFor(connection, job.source);
      const sample = await this.poller.poll(connection, source, deadlineMs);
      const { snapshot, advanced } = nextSnapshot(deviceId, name, previous, sample);
      await this.store.recordSuccess({ deviceId, name, at: this.clock.now(), durationMs: elapsedMs(started), intervalSeconds, token, snapshot, addsHistory: advanced });
      if (consecutiveFailures > 0) this.logger.info({ deviceId, device: name, source, failedPolls: consecutiveFailures }, `${name} answers polls again`);
      return 'ok';
    } catch (error) {
      const kind = pollErrorKind(error);
      const message = (error as Error).message;
      if (invalidatesConnection(kind)) this.connections.invalidate(deviceId);
      await this.store.recordFailure({ deviceId, name, at: this.clock.now(), durationMs: elapsedMs(started), intervalSeconds, token, kind, message, ...(source ? { source } : {}) });
      // One line when a device starts failing, not one per interval while it stays down.
      const log = { deviceId, device: name, source, kind, err: error };
      if (consecutiveFailures === 0) this.logger.warn(log, `poll of ${name} failed (${kind}): ${message}`);
      else this.logger.debug(log, `poll of ${name} failed again (${kind})`);
      return 'failed';
    }
  }
}

const elapsedMs = (started: number): number => Math.round(performance.now() - started);
