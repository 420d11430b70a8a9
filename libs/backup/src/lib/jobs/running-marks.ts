import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { BackupRunsTables } from '../backup-runs.tables';
import { BackupRunsRepository } from '../runs/backup-runs.repository';
import { BatchedCalls } from '../shared/group-commit';
import { Mutex } from '../shared/mutex';

interface RunningMark {
  runId: string;
  deviceId: string;
  attempts: number;
  startedAt: string;
}

/** Marks waiting together are written in one transaction; this bounds its size. */
const MAX_BATCH_MARKS = 500;

/**
 * "A worker took the device" in the run's results, for every session a worker process opens:
 * the marks that arrive while a batch is being written form the next batch, written in one
 * transaction as one statement per run and attempt (the batch's earliest start time standing
 * for all of them: they are milliseconds apart).
 */
@Injectable()
export class RunningMarks {
  private readonly pending = new BatchedCalls<RunningMark>(new Mutex(), (batch) => this.write(batch), MAX_BATCH_MARKS);

  constructor(@Inject(DATABASE) private readonly db: Kysely<BackupRunsTables>) {}

  /** See `BackupRunsRepository.markRunning`. */
  mark(runId: string, deviceId: string, attempts: number, startedAt: string): Promise<void> {
    return this.pending.submit({ runId, deviceId, attempts, startedAt });
  }

  private async write(batch: readonly RunningMark[]): Promise<void> {
    const groups = new Map<string, RunningMark[]>();
    for (const mark of batch) {
      const key = `${mark.runId} ${mark.attempts}`;
      const group = groups.get(key);
      if (group) group.push(mark);
      else groups.set(key, [mark]);
    }
    await this.db.transaction().execute(async (trx) => {
      const runs = new BackupRunsRepository(trx);
      for (const marks of groups.values()) {
        const [first] = marks as [RunningMark, ...RunningMark[]];
        const startedAt = marks.reduce((earliest, mark) => (mark.startedAt < earliest ? mark.startedAt : earliest), first.startedAt);
        await runs.markRunning(first.runId, marks.map((mark) => mark.deviceId), first.attempts, startedAt);
      }
    });
  }
}
