import { INVENTORY_CHANGED_CHANNEL, INVENTORY_PORT, type DeviceDto, type InventoryPort } from '@netkeep/contracts';
import { LOGGER, QueueConnections, type NetkeepLogger } from '@netkeep/core';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DeviceSettingsRepository, type DeviceSettings } from '../settings/device-settings.repository';
import { TelemetryStateStore, type ScheduledDevice } from '../state/telemetry-state.store';
import { TELEMETRY_CONFIG } from '../telemetry.constants';
import type { TelemetryConfig } from '../telemetry.config';
import { PollQueue } from './poll-queue';
import type { PollJob } from './poll-schedule';

export interface SyncReport {
  devices: number;
  scheduled: number;
  removed: number;
}

/** Schedulers written at once during a sync: a fleet of thousands is scheduled in seconds, not minutes. */
const PARALLEL_WRITES = 50;
/** How long a replica may hold the sync lock before another takes over (it dies, or the inventory hangs). */
const SYNC_LOCK_MS = 120_000;
/** Inventory changes within this window (an import, a script adding devices one by one) make one sync. */
const CHANGE_DEBOUNCE_MS = 500;

/**
 * Keeps one job scheduler per polled device: every enabled inventory device whose telemetry
 * is not switched off, at its interval and source. Reconciled at start-up, every
 * NETKEEP_TELEMETRY_SYNC_SECONDS (devices added, removed, disabled), within a second of the
 * inventory announcing a change, and for one device when its settings change. One replica reconciles at a time (a Redis lock); pollers never do.
 */
@Injectable()
export class PollSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<SyncReport | undefined>;
  private changeTimer?: NodeJS.Timeout;

  constructor(
    @Inject(INVENTORY_PORT) private readonly inventory: InventoryPort,
    private readonly settings: DeviceSettingsRepository,
    private readonly queue: PollQueue,
    private readonly store: TelemetryStateStore,
    private readonly connections: QueueConnections,
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'poller') return;
    // Not awaited: an inventory that is down at start-up must not keep the API from starting.
    void this.syncInBackground();
    this.timer = setInterval(() => void this.syncInBackground(), this.config.syncSeconds * 1000);
    this.timer.unref();
    this.connections.subscribe(INVENTORY_CHANGED_CHANNEL, () => this.inventoryChanged());
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    clearTimeout(this.changeTimer);
  }

  /** The poll job a device gets, or undefined when it is not polled. */
  jobFor(device: Pick<DeviceDto, 'id' | 'enabled'>, settings: DeviceSettings | undefined): PollJob | undefined {
    if (!device.enabled || settings?.enabled === false) return undefined;
    return { deviceId: device.id, source: settings?.source ?? 'auto', intervalSeconds: settings?.intervalSeconds ?? this.config.intervalSeconds };
  }

  /** Reconciles now; a sync already running in this process is joined, one running in another replica is left alone (undefined). */
  sync(): Promise<SyncReport | undefined> {
    this.running ??= this.reconcile().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Schedules or unschedules one device after its settings (or inventory entry) changed. */
  async apply(device: DeviceDto, settings: DeviceSettings | undefined): Promise<void> {
    const job = this.jobFor(device, settings);
    if (job) {
      await this.queue.schedule(job);
      await this.store.updateScheduledDevices(new Map([[device.id, registryEntry(device, job)]]), []);
    } else {
      await this.queue.unschedule(device.id);
      await this.store.updateScheduledDevices(new Map(), [device.id]);
    }
  }

  private inventoryChanged(): void {
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => void this.syncAfterChange(), CHANGE_DEBOUNCE_MS);
    this.changeTimer.unref();
  }

  /** A sync already running may have read the inventory before the change: let it finish, then sync again. */
  private async syncAfterChange(): Promise<void> {
    await this.running?.catch(() => undefined);
    await this.syncInBackground();
  }

  private async syncInBackground(): Promise<void> {
    try {
      await this.sync();
    } catch (error) {
      this.logger.warn({ err: error }, `telemetry schedules not reconciled with the inventory: ${(error as Error).message}; next try in ${this.config.syncSeconds} s`);
    }
  }

  private async reconcile(): Promise<SyncReport | undefined> {
    const token = randomUUID();
    if (!(await this.store.takeSyncLock(token, SYNC_LOCK_MS))) return undefined;
    try {
      const [devices, settings, schedules, registered] = await Promise.all([
        this.inventory.selectDevices({ enabled: true }),
        this.settings.all(),
        this.queue.schedules(),
        this.store.scheduledDevices(),
      ]);
      const wanted = new Map<string, { device: DeviceDto; job: PollJob }>();
      for (const device of devices) {
        const job = this.jobFor(device, settings.get(device.id));
        if (job) wanted.set(device.id, { device, job });
      }
      const stale = [...schedules.keys()].filter((id) => !wanted.has(id));
      const changed = [...wanted.values()].filter(({ job }) => {
        const schedule = schedules.get(job.deviceId);
        return !schedule || schedule.everyMs !== job.intervalSeconds * 1000 || schedule.source !== job.source;
      });
      await inBatches(stale, (id) => this.queue.unschedule(id));
      await inBatches(changed, ({ job }) => this.queue.schedule(job));
      const entries = new Map([...wanted].map(([id, { device, job }]) => [id, registryEntry(device, job)]));
      const upserts = new Map([...entries].filter(([id, entry]) => JSON.stringify(registered.get(id)) !== JSON.stringify(entry)));
      const unregistered = [...registered.keys()].filter((id) => !wanted.has(id));
      await this.store.updateScheduledDevices(upserts, unregistered);
      const report = { devices: wanted.size, scheduled: changed.length, removed: stale.length };
      if (report.scheduled > 0 || report.removed > 0) this.logger.info(report, `telemetry schedules reconciled: ${report.devices} devices polled, ${report.scheduled} (re)scheduled, ${report.removed} removed`);
      return report;
    } finally {
      await this.store.releaseSyncLock(token);
    }
  }
}

const registryEntry = (device: DeviceDto, job: PollJob): ScheduledDevice => ({ name: device.name, intervalSeconds: job.intervalSeconds, source: job.source });

async function inBatches<T>(items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL_WRITES) await Promise.all(items.slice(i, i + PARALLEL_WRITES).map(write));
}
