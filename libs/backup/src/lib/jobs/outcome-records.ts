import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { BackupRunsTables } from '../backup-runs.tables';
import { BackupRunsRepository, type FailureRecord, type SuccessRecord } from '../runs/backup-runs.repository';
import { BatchedCalls } from '../shared/group-commit';
import { Mutex } from '../shared/mutex';
import { DeviceStatusRepository, type StatusFailure, type StatusSuccess } from '../status/device-status.repository';

type DeviceRecord =
  | { kind: 'success'; result: SuccessRecord; status: StatusSuccess }
  | { kind: 'failure'; result: FailureRecord; status: StatusFailure };

interface OutcomeRecord {
  runId: string;
  deviceId: string;
  record: DeviceRecord;
}

/** Records waiting together are written in one transaction; this bounds its size. */
const MAX_BATCH_RECORDS = 500;

/**
 * Each outcome's device result (backup_results) and device status, written as the archive
 * writes configurations: the records that arrive while a batch is being written form the next
 * batch, written in arrival order in one transaction. One transaction for many rows costs the
 * database one commit instead of one per statement.
 */
@Injectable()
export class OutcomeRecords {
  private readonly pending = new BatchedCalls<OutcomeRecord, boolean>(new Mutex(), (batch) => this.write(batch), MAX_BATCH_RECORDS);

  constructor(@Inject(DATABASE) private readonly db: Kysely<BackupRunsTables>) {}

  /** The device's result in the run and its status. */
  async recordSuccess(runId: string, deviceId: string, result: SuccessRecord, status: StatusSuccess): Promise<void> {
    await this.pending.submit({ runId, deviceId, record: { kind: 'success', result, status } });
  }

  /** False when the device's result in the run was already final (a success is never overwritten by a late failure); the status is then left alone. */
  recordFailure(runId: string, deviceId: string, result: FailureRecord, status: StatusFailure): Promise<boolean> {
    return this.pending.submit({ runId, deviceId, record: { kind: 'failure', result, status } });
  }

  private write(batch: readonly OutcomeRecord[]): Promise<boolean[]> {
    return this.db.transaction().execute(async (trx) => {
      const runs = new BackupRunsRepository(trx);
      const statuses = new DeviceStatusRepository(trx);
      const written: boolean[] = [];
      for (const { runId, deviceId, record } of batch) {
        if (record.kind === 'success') {
          await runs.recordSuccess(runId, deviceId, record.result);
          await statuses.recordSuccess(deviceId, record.status);
          written.push(true);
        } else {
          const final = await runs.recordFailure(runId, deviceId, record.result);
          if (final) await statuses.recordFailure(deviceId, record.status);
          written.push(final);
        }
      }
      return written;
    });
  }
}
