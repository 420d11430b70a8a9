import {
  INVENTORY_PORT,
  type BackupResultDto,
  type BackupRunDto,
  type BackupRunProgressDto,
  type BackupTrigger,
  type DeviceDto,
  type DeviceSelector,
  type InventoryPort,
} from '@netkeep/contracts';
import { Clock, LOGGER, NotFoundError, ValidationFailedError, type NetkeepLogger } from '@netkeep/core';
import { BACKUP_SETTINGS } from '../backup.constants';
import type { BackupSettings } from '../backup.config';
import { isCryptoProfileName } from '@netkeep/ssh';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { BackupResultRow, BackupRunRow } from '../backup-runs.tables';
import type { DeviceBackupJob } from '../jobs/backup-jobs';
import { BackupQueues } from '../jobs/backup-queues';
import { BackupMetrics } from '../metrics/backup-metrics';
import { DeviceStatusRepository } from '../status/device-status.repository';
import { BackupRunsRepository } from './backup-runs.repository';

/** What starts a run: which devices, and why. */
export interface RunRequest {
  /** The inventory's filters; `{}` is every enabled device. */
  selector?: DeviceSelector;
  /** Exactly these (enabled) devices. */
  deviceIds?: readonly string[];
  trigger: BackupTrigger;
  policyId?: string | null;
  requestedBy?: string | null;
  /** Commit author for the versions this run stores. */
  author?: string | null;
}

const LISTED_IDS = 10;

/** Backup runs: resolve the devices through the inventory, record the run, queue one job per device. */
@Injectable()
export class BackupRunsService {
  constructor(
    private readonly runs: BackupRunsRepository,
    private readonly statuses: DeviceStatusRepository,
    private readonly queues: BackupQueues,
    private readonly metrics: BackupMetrics,
    private readonly clock: Clock,
    @Inject(BACKUP_SETTINGS) private readonly settings: BackupSettings,
    @Inject(INVENTORY_PORT) private readonly inventory: InventoryPort,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {}

  async start(request: RunRequest): Promise<BackupRunDto> {
    const devices = await this.resolve(request);
    const id = randomUUID();
    const now = this.clock.now().toISOString();
    const profiles = await this.statuses.cryptoProfiles(devices.map((device) => device.id));
    const run = {
      id,
      trigger: request.trigger,
      policy_id: request.policyId ?? null,
      selector: JSON.stringify(request.deviceIds ? { deviceIds: request.deviceIds } : (request.selector ?? {})),
      requested_by: request.requestedBy ?? null,
      author: request.author ?? null,
      total: devices.length,
      created_at: now,
      finished_at: null,
    };
    await this.runs.create(
      run,
      devices.map((device) => ({
        device_id: device.id,
        device_name: device.name,
        status: 'queued',
        phase: null,
        error: null,
        attempts: 0,
        version_id: null,
        changed: null,
        started_at: null,
        finished_at: null,
      })),
    );
    await this.queues.addDeviceJobs(
      devices.map((device): DeviceBackupJob => {
        const profile = profiles.get(device.id);
        return {
          runId: id,
          deviceId: device.id,
          deviceName: device.name,
          site: device.site,
          trigger: request.trigger,
          author: request.author ?? null,
          collectFacts: factsStale(device, this.clock.now(), this.settings.factsMaxAgeMs),
          cryptoProfile: profile && isCryptoProfileName(profile) ? profile : null,
        };
      }),
    );
    this.metrics.runStarted(request.trigger);
    if (devices.length === 0) await this.runs.finishIfDone(id, now);
    this.logger.info({ runId: id, trigger: request.trigger, devices: devices.length, policyId: request.policyId ?? undefined }, `backup run ${id} started for ${devices.length} devices`);
    return this.get(id);
  }

  async get(id: string, statuses?: readonly string[]): Promise<BackupRunDto> {
    const row = await this.runs.find(id);
    if (!row) throw new NotFoundError(`backup run ${id} does not exist`);
    const progress = await this.runs.progress([id]);
    return { ...toRunDto(row, progress.get(id)), results: (await this.runs.results(id, statuses)).map(toResultDto) };
  }

  async list(limit: number, offset: number, trigger?: string): Promise<{ count: number; results: BackupRunDto[] }> {
    const { count, rows } = await this.runs.list(limit, offset, trigger);
    const progress = await this.runs.progress(rows.map((row) => row.id));
    return { count, results: rows.map((row) => toRunDto(row, progress.get(row.id))) };
  }

  private async resolve(request: RunRequest): Promise<DeviceDto[]> {
    if (request.deviceIds && request.selector) {
      throw new ValidationFailedError([{ field: 'selector', problems: ['give either selector or deviceIds, not both'] }]);
    }
    if (!request.deviceIds) return this.inventory.selectDevices(request.selector ?? {});
    const ids = [...new Set(request.deviceIds)];
    const found = await this.inventory.selectDevices({ deviceIds: ids, enabled: true });
    const foundIds = new Set(found.map((device) => device.id));
    const missing = ids.filter((id) => !foundIds.has(id));
    if (missing.length === 0) return found;
    const disabled: string[] = [];
    const unknown: string[] = [];
    for (const id of missing) ((await this.inventory.getDevice(id)) ? disabled : unknown).push(id);
    const problems = [
      ...(unknown.length > 0 ? [`no device has the id ${listed(unknown)}`] : []),
      ...(disabled.length > 0 ? [`disabled in the inventory (enable them first): ${listed(disabled)}`] : []),
    ];
    throw new ValidationFailedError([{ field: 'deviceIds', problems }]);
  }
}

/** Facts are read when the inventory has none, or older ones than NETKEEP_BACKUP_FACTS_MAX_AGE_HOURS. */
function factsStale(device: DeviceDto, now: Date, maxAgeMs: number): boolean {
  const collectedAt = device.facts?.collectedAt ? Date.parse(device.facts.collectedAt) : Number.NaN;
  return maxAgeMs === 0 || !(now.getTime() - collectedAt < maxAgeMs);
}

function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED_IDS).join(', ');
  return ids.length > LISTED_IDS ? `${shown} and ${ids.length - LISTED_IDS} more` : shown;
}

const NO_PROGRESS: BackupRunProgressDto = { total: 0, queued: 0, running: 0, succeeded: 0, unchanged: 0, failed: 0 };

function toRunDto(row: BackupRunRow, progress: BackupRunProgressDto = NO_PROGRESS): BackupRunDto {
  return {
    id: row.id,
    trigger: row.trigger as BackupTrigger,
    status: row.finished_at ? 'finished' : 'running',
    policyId: row.policy_id,
    selector: JSON.parse(row.selector) as Record<string, unknown>,
    requestedBy: row.requested_by,
    progress: { ...progress, total: row.total },
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

function toResultDto(row: BackupResultRow): BackupResultDto {
  return {
    deviceId: row.device_id,
    deviceName: row.device_name,
    status: row.status as BackupResultDto['status'],
    ...(row.phase ? { phase: row.phase as BackupResultDto['phase'] } : {}),
    ...(row.error ? { error: row.error } : {}),
    attempts: row.attempts,
    ...(row.version_id ? { versionId: row.version_id } : {}),
    ...(row.changed !== null ? { changed: row.changed === 1 } : {}),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
