import { Clock, LOGGER, type NetkeepLogger } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import { BatchedCalls } from '../shared/group-commit';
import { Mutex } from '../shared/mutex';
import { BackupRunsRepository } from './backup-runs.repository';

/** Checks waiting together are made as one batch: one query per run, whatever the number of outcomes. */
const MAX_BATCH_CHECKS = 1_000;

/**
 * Closes each run when its last device is recorded, with outcomes recorded many at a time:
 * no count kept in memory can say which outcome is the last, the database can. Every recorded
 * outcome asks for a check of its run, and the check it waits for starts after the outcome was
 * recorded, so the last outcome's check finds nothing pending; the run is then closed by a
 * conditional update, which succeeds for exactly one check. Asks that arrive while a batch of
 * checks runs share the next batch.
 */
@Injectable()
export class RunCompletion {
  private readonly checks = new BatchedCalls<string>(new Mutex(), (runIds) => this.check(runIds), MAX_BATCH_CHECKS);

  constructor(
    private readonly runs: BackupRunsRepository,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {}

  /** Closes the run if nothing in it is pending any more; call once the outcome is recorded. */
  outcomeRecorded(runId: string): Promise<void> {
    return this.checks.submit(runId);
  }

  private async check(runIds: readonly string[]): Promise<void> {
    for (const runId of new Set(runIds)) {
      if (await this.runs.finishIfDone(runId, this.clock.now().toISOString())) {
        const [progress] = (await this.runs.progress([runId])).values();
        this.logger.info({ runId, progress }, `backup run ${runId} finished`);
      }
    }
  }
}
