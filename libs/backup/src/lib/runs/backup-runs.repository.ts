import type { BackupResultStatus, BackupRunProgressDto } from '@netkeep/contracts';
import { DATABASE, prepareQuery } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import type { BackupResultRow, BackupResultsTable, BackupRunRow, BackupRunsTable, BackupRunsTables } from '../backup-runs.tables';

export const PENDING_STATUSES: readonly BackupResultStatus[] = ['queued', 'running'];
export const TERMINAL_STATUSES: readonly BackupResultStatus[] = ['succeeded', 'unchanged', 'failed'];
const INSERT_CHUNK = 500;

export interface SuccessRecord {
  status: 'succeeded' | 'unchanged';
  versionId: string;
  changed: boolean;
  attempts: number;
  startedAt: string;
  finishedAt: string;
}

export interface FailureRecord {
  phase: string;
  error: string;
  attempts: number;
  startedAt: string;
  finishedAt: string;
}

// Written once per device backed up, so prepared once.
const recordResultSuccess = prepareQuery(
  (db: Kysely<BackupRunsTables>, p: { runId: string; deviceId: string; status: string; attempts: number; versionId: string; changed: number; finishedAt: string }) =>
    db
      .updateTable('backup_results')
      .set({ status: p.status, phase: sql.lit(null), error: sql.lit(null), attempts: p.attempts, version_id: p.versionId, changed: p.changed, finished_at: p.finishedAt })
      .where('run_id', '=', p.runId)
      .where('device_id', '=', p.deviceId),
);
const recordResultFailure = prepareQuery(
  (db: Kysely<BackupRunsTables>, p: { runId: string; deviceId: string; phase: string; error: string; attempts: number; finishedAt: string }) =>
    db
      .updateTable('backup_results')
      .set({ status: sql.lit('failed'), phase: p.phase, error: p.error, attempts: p.attempts, finished_at: p.finishedAt })
      .where('run_id', '=', p.runId)
      .where('device_id', '=', p.deviceId)
      .where('status', 'in', PENDING_STATUSES.map((status) => sql.lit(status))),
);

/** backup_runs and backup_results: what was asked, and each device's outcome. */
@Injectable()
export class BackupRunsRepository {
  constructor(@Inject(DATABASE) private readonly db: Kysely<BackupRunsTables>) {}

  async create(run: BackupRunsTable, results: readonly Omit<BackupResultsTable, 'run_id'>[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('backup_runs').values(run).execute();
      for (let i = 0; i < results.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('backup_results')
          .values(results.slice(i, i + INSERT_CHUNK).map((result) => ({ ...result, run_id: run.id })))
          .execute();
      }
    });
  }

  find(id: string): Promise<BackupRunRow | undefined> {
    return this.db.selectFrom('backup_runs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(limit: number, offset: number, trigger?: string): Promise<{ count: number; rows: BackupRunRow[] }> {
    let query = this.db.selectFrom('backup_runs');
    if (trigger) query = query.where('trigger', '=', trigger);
    const { count } = await query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
    return { count: Number(count), rows };
  }

  /** Counts by status for each run. */
  async progress(runIds: readonly string[]): Promise<Map<string, BackupRunProgressDto>> {
    const progress = new Map<string, BackupRunProgressDto>(
      runIds.map((id) => [id, { total: 0, queued: 0, running: 0, succeeded: 0, unchanged: 0, failed: 0 }]),
    );
    if (runIds.length === 0) return progress;
    const rows = await this.db
      .selectFrom('backup_results')
      .select(['run_id', 'status', (eb) => eb.fn.countAll().as('count')])
      .where('run_id', 'in', runIds)
      .groupBy(['run_id', 'status'])
      .execute();
    for (const row of rows) {
      const counts = progress.get(row.run_id);
      if (!counts) continue;
      const count = Number(row.count);
      counts.total += count;
      if (row.status in counts) counts[row.status as Exclude<keyof BackupRunProgressDto, 'total'>] += count;
    }
    return progress;
  }

  results(runId: string, statuses?: readonly string[]): Promise<BackupResultRow[]> {
    let query = this.db.selectFrom('backup_results').selectAll().where('run_id', '=', runId);
    if (statuses && statuses.length > 0) query = query.where('status', 'in', statuses);
    return query.orderBy('device_name').orderBy('device_id').execute();
  }

  result(runId: string, deviceId: string): Promise<BackupResultRow | undefined> {
    return this.db.selectFrom('backup_results').selectAll().where('run_id', '=', runId).where('device_id', '=', deviceId).executeTakeFirst();
  }

  /** Workers took these devices; a result already final stays as it is, and a first start time is kept. */
  async markRunning(runId: string, deviceIds: readonly string[], attempts: number, startedAt: string): Promise<void> {
    await this.db
      .updateTable('backup_results')
      .set((eb) => ({ status: 'running', attempts, started_at: eb.fn.coalesce('started_at', eb.val(startedAt)) }))
      .where('run_id', '=', runId)
      .where('device_id', 'in', deviceIds)
      .where('status', 'in', PENDING_STATUSES)
      .execute();
  }

  async recordSuccess(runId: string, deviceId: string, record: SuccessRecord): Promise<void> {
    await recordResultSuccess.execute(this.db, {
      runId,
      deviceId,
      status: record.status,
      attempts: record.attempts,
      versionId: record.versionId,
      changed: record.changed ? 1 : 0,
      finishedAt: record.finishedAt,
    });
  }

  /** False when the result was already final (a success is never overwritten by a late failure). */
  async recordFailure(runId: string, deviceId: string, record: FailureRecord): Promise<boolean> {
    const updated = await recordResultFailure.execute(this.db, {
      runId,
      deviceId,
      phase: record.phase,
      error: record.error,
      attempts: record.attempts,
      finishedAt: record.finishedAt,
    });
    return Number(updated.numAffectedRows ?? 0) > 0;
  }

  /** Marks the run finished once no device is pending; true if this call finished it. */
  async finishIfDone(runId: string, at: string): Promise<boolean> {
    const updated = await this.db
      .updateTable('backup_runs')
      .set({ finished_at: at })
      .where('id', '=', runId)
      .where('finished_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('backup_results').select('run_id').where('run_id', '=', runId).where('status', 'in', PENDING_STATUSES))),
      )
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  /** Devices of the run not yet backed up or failed. */
  async pendingCount(runId: string): Promise<number> {
    const { count } = await this.db
      .selectFrom('backup_results')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('run_id', '=', runId)
      .where('status', 'in', PENDING_STATUSES)
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  unfinished(): Promise<BackupRunRow[]> {
    return this.db.selectFrom('backup_runs').selectAll().where('finished_at', 'is', null).orderBy('created_at').execute();
  }
}
