import { DATABASE, prepareQuery } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import { type ExpressionBuilder, type Kysely, type OnConflictTables, sql } from 'kysely';
import type { BackupDeviceStatusRow, BackupRunsTables } from '../backup-runs.tables';

export interface StatusSuccess {
  deviceName: string;
  outcome: 'succeeded' | 'unchanged';
  at: string;
  runId: string;
  versionId: string;
  changed: boolean;
  cryptoProfile: string;
}

export interface StatusFailure {
  deviceName: string;
  at: string;
  runId: string;
  phase: string;
  message: string;
}

/**
 * Outcomes are recorded many at a time, so two backups of one device (two runs) may be recorded
 * out of order: the stored status yields only to an attempt at least as recent as its own.
 */
function notNewerThan(at: string) {
  return (eb: ExpressionBuilder<OnConflictTables<'backup_device_status'> & BackupRunsTables, 'backup_device_status'>) =>
    eb.or([eb('backup_device_status.last_attempt_at', 'is', null), eb('backup_device_status.last_attempt_at', '<=', at)]);
}

type StatusSuccessValues = Omit<StatusSuccess, 'changed'> & { deviceId: string };

/** A success upsert; only a changed configuration moves last_change_at, so each case is a statement of its own. */
function prepareStatusSuccess(changed: boolean) {
  return prepareQuery((db: Kysely<BackupRunsTables>, p: StatusSuccessValues) => {
    const values = {
      device_name: p.deviceName,
      last_outcome: p.outcome,
      last_attempt_at: p.at,
      last_success_at: p.at,
      last_run_id: p.runId,
      latest_version_id: p.versionId,
      crypto_profile: p.cryptoProfile,
      ...(changed ? { last_change_at: p.at } : {}),
    };
    return db
      .insertInto('backup_device_status')
      .values({ device_id: p.deviceId, ...values })
      .onConflict((conflict) => conflict.column('device_id').doUpdateSet(values).where(notNewerThan(p.at)));
  });
}

// Written once per device backed up, so prepared once.
const recordChangedSuccess = prepareStatusSuccess(true);
const recordUnchangedSuccess = prepareStatusSuccess(false);
const recordStatusFailure = prepareQuery((db: Kysely<BackupRunsTables>, p: StatusFailure & { deviceId: string }) => {
  const values = {
    device_name: p.deviceName,
    last_outcome: sql.lit('failed'),
    last_attempt_at: p.at,
    last_run_id: p.runId,
    last_error_phase: p.phase,
    last_error_message: p.message,
    last_error_at: p.at,
    last_error_run_id: p.runId,
  };
  return db
    .insertInto('backup_device_status')
    .values({ device_id: p.deviceId, ...values })
    .onConflict((conflict) => conflict.column('device_id').doUpdateSet(values).where(notNewerThan(p.at)));
});

/** backup_device_status: one row per device ever tried. */
@Injectable()
export class DeviceStatusRepository {
  constructor(@Inject(DATABASE) private readonly db: Kysely<BackupRunsTables>) {}

  async recordSuccess(deviceId: string, success: StatusSuccess): Promise<void> {
    const { changed, ...values } = success;
    await (changed ? recordChangedSuccess : recordUnchangedSuccess).execute(this.db, { deviceId, ...values });
  }

  async recordFailure(deviceId: string, failure: StatusFailure): Promise<void> {
    await recordStatusFailure.execute(this.db, { deviceId, ...failure });
  }

  find(deviceId: string): Promise<BackupDeviceStatusRow | undefined> {
    return this.db.selectFrom('backup_device_status').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
  }

  async list(limit: number, offset: number, failing?: boolean): Promise<{ count: number; rows: BackupDeviceStatusRow[] }> {
    let query = this.db.selectFrom('backup_device_status');
    if (failing === true) query = query.where('last_outcome', '=', 'failed');
    if (failing === false) query = query.where((eb) => eb.or([eb('last_outcome', '!=', 'failed'), eb('last_outcome', 'is', null)]));
    const { count } = await query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('device_name').orderBy('device_id').limit(limit).offset(offset).execute();
    return { count: Number(count), rows };
  }

  /** The crypto profile each device needed last time. */
  async cryptoProfiles(deviceIds: readonly string[]): Promise<Map<string, string>> {
    const profiles = new Map<string, string>();
    for (let i = 0; i < deviceIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('backup_device_status')
        .select(['device_id', 'crypto_profile'])
        .where('device_id', 'in', deviceIds.slice(i, i + 500))
        .where('crypto_profile', 'is not', null)
        .execute();
      for (const row of rows) if (row.crypto_profile) profiles.set(row.device_id, row.crypto_profile);
    }
    return profiles;
  }
}
