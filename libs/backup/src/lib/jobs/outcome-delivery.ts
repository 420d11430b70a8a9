import { Injectable } from '@nestjs/common';
import type { BackupOutcome } from './backup-jobs';
import { ArchiveConsumer } from './archive-consumer';
import { BackupQueues } from './backup-queues';

/**
 * Where a device job hands its outcome. A worker process without the archive (role worker)
 * queues it for the archive's writer; a process that is the writer too (role all) gives it to
 * the writer itself and completes the device job only once it is recorded, which keeps the
 * queue's guarantee (a job killed before that is run again) without a second job per device.
 */
export abstract class OutcomeDelivery {
  /**
   * Jobs a worker holds per session it may open. Where handing over takes a while (recording
   * it), a second job per session keeps sessions from waiting for the archive; where it is one
   * Redis write, extra jobs would only wait for sessions here while another replica is idle.
   */
  abstract readonly jobsPerSession: number;

  /**
   * `lastTry`: the device job has no attempt left, so a store the archive refuses is recorded
   * as the device's failure instead of being thrown for a retry.
   */
  abstract deliver(outcome: BackupOutcome, lastTry: boolean): Promise<void>;
}

/** Role worker: the archive queue carries the outcome to the process that owns the archive. */
@Injectable()
export class QueuedOutcomeDelivery extends OutcomeDelivery {
  readonly jobsPerSession = 1;

  constructor(private readonly queues: BackupQueues) {
    super();
  }

  async deliver(outcome: BackupOutcome): Promise<void> {
    // The archive queue retries a refused store on its own, re-reading nothing from the device.
    await this.queues.addOutcome(outcome);
  }
}

/** Role all: this process's archive writer records the outcome before the device job completes. */
@Injectable()
export class LocalOutcomeDelivery extends OutcomeDelivery {
  readonly jobsPerSession = 2;

  constructor(private readonly consumer: ArchiveConsumer) {
    super();
  }

  async deliver(outcome: BackupOutcome, lastTry: boolean): Promise<void> {
    await this.consumer.take(outcome, lastTry);
  }
}
