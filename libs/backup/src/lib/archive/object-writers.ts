import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';

/** One object file to write: where, and its bytes as git hashes them (`<type> <size>\0<body>`), to be compressed at `level`. */
export interface ObjectFile {
  path: string;
  wrapped: Uint8Array;
  level: number;
}

interface DirectoryJob {
  directory: string;
  files: ObjectFile[];
}

/**
 * Runs in each worker thread: for each file of its directories, the steps of `writeFileDurably`
 * (compress, write a temporary file, fsync, rename into place), then one fsync per directory,
 * so the renames are on disk too. Synchronous calls: a worker has one fsync in flight, the
 * workers together several, the main thread none. Plain JavaScript evaluated in the worker:
 * nothing to resolve, transpile or bundle.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { deflateSync } = require('node:zlib');
const tag = process.pid + '.' + require('node:crypto').randomBytes(6).toString('hex');
let counter = 0;
function writeDurably(path, data) {
  const temporary = path + '.' + tag + '.' + ++counter + '.tmp';
  try {
    const fd = fs.openSync(temporary, 'wx');
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, path);
  } catch (error) {
    try { fs.unlinkSync(temporary); } catch {}
    throw error;
  }
}
function syncDirectory(directory) {
  let fd;
  try {
    fd = fs.openSync(directory, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort, as in durable-fs.ts: where directories cannot be opened (Windows) the data itself is synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
parentPort.on('message', ({ id, jobs }) => {
  try {
    for (const { directory, files } of jobs) {
      for (const file of files) writeDurably(file.path, deflateSync(file.wrapped, { level: file.level }));
      syncDirectory(directory);
    }
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.message ? error.message : String(error) });
  }
});
`;

interface Pending {
  worker: Worker;
  resolve(): void;
  reject(error: Error): void;
}

/** Workers left without work this long are stopped: an archive written once a day holds no threads the rest of it. */
const IDLE_MS = 30_000;
/** As many fsyncs in flight as libuv's own pool would have, without sharing it. */
const WORKER_COUNT = 4;

/**
 * A few worker threads that write loose objects durably, so that the fsyncs of a batch run
 * side by side and the main thread (which serves sessions, queues and the API) does none of
 * the compressing and file system calls. Started at the first write and stopped when idle;
 * they keep the process alive only while a write is in flight.
 */
export class ObjectWriters {
  private workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly count: number) {}

  /** Writes the files, grouped by directory: one directory is written and synced by one worker. */
  async write(files: readonly ObjectFile[]): Promise<void> {
    const byDirectory = new Map<string, ObjectFile[]>();
    for (const file of files) {
      const directory = dirname(file.path);
      byDirectory.set(directory, [...(byDirectory.get(directory) ?? []), file]);
    }
    const shares: DirectoryJob[][] = Array.from({ length: this.count }, () => []);
    [...byDirectory].forEach(([directory, group], i) => shares[i % this.count]?.push({ directory, files: group }));
    const workers = this.started();
    clearTimeout(this.idleTimer);
    try {
      await Promise.all(shares.map((jobs, i) => (jobs.length > 0 ? this.send(workers[i] as Worker, jobs) : undefined)));
    } finally {
      if (this.pending.size === 0) this.idleTimer = setTimeout(() => void this.close(), IDLE_MS).unref();
    }
  }

  /** Stops the workers; the next write starts new ones. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /** The workers, starting any that is missing (the first write, or one that died). */
  private started(): Worker[] {
    this.workers = Array.from({ length: this.count }, (_, i) => this.workers[i] ?? this.startWorker());
    return this.workers;
  }

  private startWorker(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.on('message', ({ id, error }: { id: number; error?: string }) => this.settle(id, error === undefined ? undefined : new Error(error)));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`an object writer thread exited (code ${code})`)));
    // After the listeners, which ref the worker again: idle, it must not keep the process alive.
    worker.unref();
    return worker;
  }

  private send(worker: Worker, jobs: DirectoryJob[]): Promise<void> {
    const id = ++this.nextId;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.ref();
      worker.postMessage({ id, jobs });
    });
  }

  private settle(id: number, error: Error | undefined): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    this.unrefWhenIdle(pending.worker);
    if (error) pending.reject(error);
    else pending.resolve();
  }

  /** A worker died or was stopped: what it was writing fails (those batches fail and are retried); it is replaced at the next write. */
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

/** One pool per process, shared by every repository it writes. */
export const objectWriters = new ObjectWriters(WORKER_COUNT);
