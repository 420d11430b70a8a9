import type { BackupPolicyDto, CreateBackupPolicyDto, DeviceSelectorDto, UpdateBackupPolicyDto } from '@netkeep/contracts';
import { Clock, ConflictError, LOGGER, NotFoundError, ValidationFailedError, type NetkeepLogger } from '@netkeep/core';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { BackupPolicyRow } from '../backup-runs.tables';
import { BackupRunsService } from '../runs/backup-runs.service';
import { BackupPoliciesRepository } from './backup-policies.repository';
import { scheduleProblems } from './cron-schedule';
import { PolicySchedules, type PolicyJob } from './policy-schedules';

/** Backup policies: a cron expression in a time zone over a device selector, each enabled one a job scheduler. */
@Injectable()
export class BackupPoliciesService implements OnApplicationBootstrap {
  constructor(
    private readonly policies: BackupPoliciesRepository,
    private readonly schedules: PolicySchedules,
    private readonly runs: BackupRunsService,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {}

  /** Redis's schedulers made to match the table (a Redis without persistence forgot them all), then the worker that runs fired policies. */
  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.reconcile(await this.policies.list());
    this.schedules.startWorker((job) => this.runScheduled(job));
  }

  async list(): Promise<BackupPolicyDto[]> {
    const [rows, next] = await Promise.all([this.policies.list(), this.schedules.nextRuns()]);
    return rows.map((row) => toDto(row, next.get(row.id)));
  }

  async get(id: string): Promise<BackupPolicyDto> {
    const row = await this.require(id);
    return toDto(row, (await this.schedules.nextRuns()).get(id));
  }

  async create(body: CreateBackupPolicyDto): Promise<BackupPolicyDto> {
    const timezone = body.timezone ?? 'UTC';
    assertSchedule(body.cron, timezone);
    if (await this.policies.findByName(body.name)) throw new ConflictError(`a backup policy named "${body.name}" exists`);
    const now = this.clock.now().toISOString();
    const row: BackupPolicyRow = {
      id: randomUUID(),
      name: body.name,
      name_key: body.name.toLowerCase(),
      cron: body.cron.trim(),
      timezone,
      selector: JSON.stringify(body.selector ?? {}),
      enabled: body.enabled === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    };
    await this.policies.insert(row);
    await this.schedules.sync(row);
    return this.get(row.id);
  }

  async update(id: string, body: UpdateBackupPolicyDto): Promise<BackupPolicyDto> {
    const current = await this.require(id);
    const cron = body.cron?.trim() ?? current.cron;
    const timezone = body.timezone ?? current.timezone;
    if (body.cron !== undefined || body.timezone !== undefined) assertSchedule(cron, timezone);
    if (body.name !== undefined && body.name.toLowerCase() !== current.name_key) {
      if (await this.policies.findByName(body.name)) throw new ConflictError(`a backup policy named "${body.name}" exists`);
    }
    const updated: BackupPolicyRow = {
      ...current,
      ...(body.name !== undefined ? { name: body.name, name_key: body.name.toLowerCase() } : {}),
      cron,
      timezone,
      ...(body.selector !== undefined ? { selector: JSON.stringify(body.selector) } : {}),
      ...(body.enabled !== undefined ? { enabled: body.enabled ? 1 : 0 } : {}),
      updated_at: this.clock.now().toISOString(),
    };
    await this.policies.update(id, updated);
    await this.schedules.sync(updated);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.policies.remove(id))) throw new NotFoundError(`backup policy ${id} does not exist`);
    await this.schedules.unschedule(id);
  }

  /** A policy's scheduler fired. */
  async runScheduled(job: Job<PolicyJob>): Promise<string> {
    const policy = await this.policies.find(job.data.policyId);
    if (!policy || policy.enabled !== 1) {
      this.logger.info({ policyId: job.data.policyId }, 'a schedule fired for a policy that is gone or disabled; skipped');
      return 'skipped';
    }
    const run = await this.runs.start({
      selector: JSON.parse(policy.selector) as DeviceSelectorDto,
      trigger: 'schedule',
      policyId: policy.id,
      requestedBy: `policy ${policy.name}`,
    });
    return run.id;
  }

  private async require(id: string): Promise<BackupPolicyRow> {
    const row = await this.policies.find(id);
    if (!row) throw new NotFoundError(`backup policy ${id} does not exist`);
    return row;
  }
}

function assertSchedule(cron: string, timezone: string): void {
  const problems = scheduleProblems(cron.trim(), timezone);
  if (problems.length > 0) throw new ValidationFailedError(problems);
}

function toDto(row: BackupPolicyRow, nextRunAt: string | undefined): BackupPolicyDto {
  return {
    id: row.id,
    name: row.name,
    cron: row.cron,
    timezone: row.timezone,
    selector: JSON.parse(row.selector) as DeviceSelectorDto,
    enabled: row.enabled === 1,
    nextRunAt: row.enabled === 1 ? (nextRunAt ?? null) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
