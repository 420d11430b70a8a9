import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { ExpressionBuilder, Kysely, OnConflictTables } from 'kysely';
import type { BackupDeviceStatusRow, BackupDeviceStatusTable, BackupRunsTables } from '../backup-runs.tables';

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

/** backup_device_status: one row per device ever tried. */
@Injectable()
export class DeviceStatusRepository {
  constructor(@Inject(DATABASE) private readonly db: Kysely<BackupRunsTables>) {}

  async recordSuccess(deviceId: string, success: StatusSuccess): Promise<void> {
    const values: Partial<BackupDeviceStatusTable> = {
      device_name: success.deviceName,
      last_outcome: success.outcome,
      last_attempt_at: success.at,
      last_success_at: success.at,
      last_run_id: success.runId,
      latest_version_id: success.versionId,
      crypto_profile: success.cryptoProfile,
      ...(success.changed ? { last_change_at: success.at } : {}),
    };
    await this.db
      .insertInto('backup_device_status')
      .values({ device_id: deviceId, device_name: success.deviceName, ...values })
      .onConflict((conflict) => conflict.column('device_id').doUpdateSet(values).where(notNewerThan(success.at)))
      .execute();
  }

  async recordFailure(deviceId: string, failure: StatusFailure): Promise<void> {
    const values: Partial<BackupDeviceStatusTable> = {
      device_name: failure.deviceName,
      last_outcome: 'failed',
      last_attempt_at: failure.at,
      last_run_id: failure.runId,
      last_error_phase: failure.phase,
      last_error_message: failure.message,
      last_error_at: failure.at,
      last_error_run_id: failure.runId,
    };
    await this.db
      .insertInto('backup_device_status')
      .values({ device_id: deviceId, device_name: failure.deviceName, ...values })
      .onConflict((conflict) => conflict.column('device_id').doUpdateSet(values).where(notNewerThan(failure.at)))
      .execute();
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
