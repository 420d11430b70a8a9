import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { BackupRunsTables } from '../backup-runs.tables';
import { BackupRunsRepository } from '../runs/backup-runs.repository';
import { GroupCommit, type PendingWrite } from '../shared/group-commit';
import { Mutex } from '../shared/mutex';

interface PendingMark extends PendingWrite {
  runId: string;
  deviceId: string;
  attempts: number;
  startedAt: string;
  done(): void;
}

/** Marks waiting together are written in one transaction; this bounds its size. */
const MAX_BATCH_MARKS = 500;

/**
 * "A worker took the device" in the run's results, for every session a worker process opens:
 * the marks that arrive while a batch is being written form the next batch, written in one
 * transaction (one commit for many sessions, not one each).
 */
@Injectable()
export class RunningMarks {
  private readonly pending = new GroupCommit<PendingMark>(new Mutex(), (batch) => this.write(batch), MAX_BATCH_MARKS);

  constructor(@Inject(DATABASE) private readonly db: Kysely<BackupRunsTables>) {}

  /** See `BackupRunsRepository.markRunning`. */
  mark(runId: string, deviceId: string, attempts: number, startedAt: string): Promise<void> {
    return new Promise((done, fail) => this.pending.add({ runId, deviceId, attempts, startedAt, done, fail }));
  }

  private async write(batch: readonly PendingMark[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const runs = new BackupRunsRepository(trx);
      for (const mark of batch) await runs.markRunning(mark.runId, mark.deviceId, mark.attempts, mark.startedAt);
    });
    for (const mark of batch) mark.done();
  }
}
