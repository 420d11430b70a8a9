import type { Mutex } from './mutex';

/** Something waiting to be written; the batch writer settles it, or the queue fails it when the whole batch fails. */
export interface PendingWrite {
  fail(error: unknown): void;
}

/**
 * Group commit: writes that arrive while a batch is being written wait together and are
 * written as the next batch, in arrival order, one batch at a time under `mutex` (which other
 * critical sections share). The batch writer settles each write on its own; if it throws,
 * every write of the batch not yet settled fails with that error.
 */
export class GroupCommit<Write extends PendingWrite> {
  private waiting: Write[] = [];
  private drainQueued = false;

  constructor(
    private readonly mutex: Mutex,
    private readonly writeBatch: (batch: readonly Write[]) => Promise<void>,
    /** Bounds a batch's memory and transaction; the rest waits for the next batch. */
    private readonly maxBatchSize: number,
  ) {}

  add(write: Write): void {
    this.waiting.push(write);
    this.queueDrain();
  }

  private queueDrain(): void {
    if (this.drainQueued) return;
    this.drainQueued = true;
    void this.mutex.run(() => this.drain());
  }

  private async drain(): Promise<void> {
    this.drainQueued = false;
    const batch = this.waiting.splice(0, this.maxBatchSize);
    if (this.waiting.length > 0) this.queueDrain();
    if (batch.length === 0) return;
    try {
      await this.writeBatch(batch);
    } catch (error) {
      for (const write of batch) write.fail(error);
    }
  }
}

interface PendingCall<Input, Output> extends PendingWrite {
  input: Input;
  done(output: Output): void;
}

/**
 * A group commit whose batch writer answers every input, in order: `submit` resolves with the
 * answer to its own input (or fails with the batch), so callers await one write as if it were
 * theirs alone. A writer that answers nothing resolves every call with undefined.
 */
export class BatchedCalls<Input, Output = void> {
  private readonly group: GroupCommit<PendingCall<Input, Output>>;

  constructor(mutex: Mutex, writeBatch: (inputs: readonly Input[]) => Promise<readonly Output[] | void>, maxBatchSize: number) {
    this.group = new GroupCommit(
      mutex,
      async (calls) => {
        const outputs = await writeBatch(calls.map((call) => call.input));
        calls.forEach((call, i) => call.done(outputs?.[i] as Output));
      },
      maxBatchSize,
    );
  }

  submit(input: Input): Promise<Output> {
    return new Promise((done, fail) => this.group.add({ input, done, fail }));
  }
}
