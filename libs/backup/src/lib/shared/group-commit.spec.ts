import { describe, expect, it } from 'vitest';
import { BatchedCalls, GroupCommit, type PendingWrite } from './group-commit';
import { Mutex } from './mutex';

interface Item extends PendingWrite {
  value: number;
  done(batch: number): void;
}

/** A group commit whose batches are recorded, and which holds each batch until the test lets it go. */
function recordingQueue(maxBatchSize: number, failing: (batch: readonly number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const held: (() => void)[] = [];
  const queue = new GroupCommit<Item>(
    new Mutex(),
    async (batch) => {
      const values = batch.map((item) => item.value);
      batches.push(values);
      await new Promise<void>((resolve) => held.push(resolve));
      if (failing(values)) throw new Error(`batch ${batches.length} failed`);
      for (const item of batch) item.done(batches.length);
    },
    maxBatchSize,
  );
  const add = (value: number) => new Promise<number>((done, fail) => queue.add({ value, done, fail }));
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  /** Resolves once `count` batches have started. */
  const started = async (count: number) => {
    while (batches.length < count) await turn();
  };
  /** Lets the batch being written finish, once it has started. */
  const releaseNext = async () => {
    while (held.length === 0) await turn();
    held.shift()?.();
  };
  return { batches, add, started, releaseNext };
}

describe('group commit', () => {
  it('writes what arrives while a batch is being written as the next batch, in arrival order', async () => {
    const { batches, add, started, releaseNext } = recordingQueue(100);
    const first = add(1);
    await started(1);
    const rest = [add(2), add(3), add(4)];
    await releaseNext();
    await releaseNext();
    expect(await Promise.all([first, ...rest])).toEqual([1, 2, 2, 2]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('fails every write of a batch whose writer throws, and carries on with the next batch', async () => {
    const { batches, add, releaseNext } = recordingQueue(100, (batch) => batch.includes(2));
    const failed = [add(1), add(2)].map((write) => write.then(String, (error: Error) => error.message));
    await releaseNext();
    const next = add(3);
    await releaseNext();
    expect(await Promise.all(failed)).toEqual(['batch 1 failed', 'batch 1 failed']);
    expect(await next).toBe(2);
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('leaves what does not fit in a batch for the next one', async () => {
    const { batches, add, releaseNext } = recordingQueue(2);
    const writes = [1, 2, 3, 4, 5].map(add);
    for (let i = 0; i < 3; i++) await releaseNext();
    expect(await Promise.all(writes)).toEqual([1, 1, 2, 2, 3]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe('BatchedCalls', () => {
  it("answers each call with its own input's answer, in batches, and fails a whole batch together", async () => {
    const batches: number[][] = [];
    const calls = new BatchedCalls<number, string>(
      new Mutex(),
      async (inputs) => {
        batches.push([...inputs]);
        if (inputs.includes(13)) throw new Error('unlucky batch');
        return inputs.map((input) => `answer ${input}`);
      },
      2,
    );
    expect(await Promise.all([1, 2, 3].map((input) => calls.submit(input)))).toEqual(['answer 1', 'answer 2', 'answer 3']);
    expect(batches).toEqual([[1, 2], [3]]);
    const failed = await Promise.allSettled([calls.submit(13), calls.submit(14)]);
    expect(failed.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error).message : outcome.value))).toEqual(['unlucky batch', 'unlucky batch']);
    expect(await calls.submit(15)).toBe('answer 15');
  });

  it('resolves every call with undefined when the writer answers nothing', async () => {
    const written: string[] = [];
    const calls = new BatchedCalls<string>(new Mutex(), async (inputs) => void written.push(...inputs), 10);
    expect(await Promise.all(['a', 'b'].map((input) => calls.submit(input)))).toEqual([undefined, undefined]);
    expect(written).toEqual(['a', 'b']);
  });
});
