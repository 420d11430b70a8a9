import { Worker } from 'node:worker_threads';

/** An object's body to deflate at zlib `level`. */
export interface ObjectToCompress {
  body: Uint8Array;
  level: number;
}

/** One worker's share: the bodies end to end in one buffer (one copy into the thread), with their lengths. */
interface CompressJob {
  bodies: Uint8Array;
  lengths: number[];
  levels: number[];
}

/**
 * Runs in each worker thread: deflates each body of its share, in order, and answers with them
 * end to end (one copy back). Plain JavaScript evaluated in the worker: nothing to resolve,
 * transpile or bundle.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { deflateSync } = require('node:zlib');
parentPort.on('message', ({ id, job }) => {
  try {
    const compressed = [];
    let at = 0;
    job.lengths.forEach((length, i) => {
      compressed.push(deflateSync(job.bodies.subarray(at, at + length), { level: job.levels[i] }));
      at += length;
    });
    parentPort.postMessage({ id, compressed: Buffer.concat(compressed), lengths: compressed.map((data) => data.length) });
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.message ? error.message : String(error) });
  }
});
`;

interface Pending {
  worker: Worker;
  resolve(compressed: Uint8Array[]): void;
  reject(error: Error): void;
}

/** Workers left without work this long are stopped: an archive written once a day holds no threads the rest of it. */
const IDLE_MS = 30_000;
const WORKER_COUNT = 2;

/**
 * A few worker threads that deflate objects for a pack, side by side, so that the main thread
 * (which serves sessions, queues and the API) does none of the compressing. Started at the first
 * call and stopped when idle; they keep the process alive only while work is in flight.
 */
export class ObjectCompressors {
  private workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly count: number) {}

  /** The deflated bodies, in the order given. */
  async compress(objects: readonly ObjectToCompress[]): Promise<Uint8Array[]> {
    const shares = shareByBytes(objects, this.count);
    const workers = this.started();
    clearTimeout(this.idleTimer);
    try {
      const results = await Promise.all(shares.map((share, i) => (share.length > 0 ? this.send(workers[i] as Worker, jobOf(share)) : [])));
      return results.flat();
    } finally {
      if (this.pending.size === 0) this.idleTimer = setTimeout(() => void this.close(), IDLE_MS).unref();
    }
  }

  /** Stops the workers; the next call starts new ones. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /** The workers, starting any that is missing (the first call, or one that died). */
  private started(): Worker[] {
    this.workers = Array.from({ length: this.count }, (_, i) => this.workers[i] ?? this.startWorker());
    return this.workers;
  }

  private startWorker(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', ({ id, compressed, lengths, error }: { id: number; compressed?: Uint8Array; lengths?: number[]; error?: string }) =>
      this.settle(id, compressed && lengths && split(compressed, lengths), error),
    );
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`an object compressor thread exited (code ${code})`)));
    // After the listeners, which ref the worker again: idle, it must not keep the process alive.
    worker.unref();
    return worker;
  }

  private send(worker: Worker, job: CompressJob): Promise<Uint8Array[]> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.ref();
      worker.postMessage({ id, job });
    });
  }

  private settle(id: number, compressed: Uint8Array[] | undefined, error: string | undefined): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    this.unrefWhenIdle(pending.worker);
    if (error !== undefined || !compressed) pending.reject(new Error(error ?? 'an object compressor thread answered nothing'));
    else pending.resolve(compressed);
  }

  /** A worker died or was stopped: what it was compressing fails (that batch fails and is retried); it is replaced at the next call. */
  private fail(worker: Worker, error: Error): void {
    this.workers = this.workers.filter((candidate) => candidate !== worker);
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
  }

  private unrefWhenIdle(worker: Worker): void {
    for (const pending of this.pending.values()) if (pending.worker === worker) return;
    worker.unref();
  }
}

/** Consecutive runs of objects, about the same number of bytes each, so the results concatenate back in order. */
function shareByBytes<T extends ObjectToCompress>(objects: readonly T[], count: number): T[][] {
  const total = objects.reduce((sum, object) => sum + object.body.length, 0);
  const shares: T[][] = Array.from({ length: count }, () => []);
  let bytes = 0;
  for (const object of objects) {
    const share = Math.min(count - 1, Math.floor((bytes * count) / Math.max(1, total)));
    shares[share]?.push(object);
    bytes += object.body.length;
  }
  return shares;
}

function split(bytes: Uint8Array, lengths: readonly number[]): Uint8Array[] {
  let at = 0;
  return lengths.map((length) => bytes.subarray(at, (at += length)));
}

function jobOf(objects: readonly ObjectToCompress[]): CompressJob {
  return { bodies: Buffer.concat(objects.map((object) => object.body)), lengths: objects.map((object) => object.body.length), levels: objects.map((object) => object.level) };
}

/** One pool per process, shared by every repository it writes. */
export const objectCompressors = new ObjectCompressors(WORKER_COUNT);
