import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_RUNTIME_FLAGS } from '@netkeep/build-tools';
import { TestBundle, WORKSPACE } from '../../support/test-bundle';

/** apps/config-backup's worker entry as an image runs it: bundled, plain node with the runtime flags. */
const workerBundle = new TestBundle('config-backup', 'worker.js');

export function bundledBackupWorker(): Promise<string> {
  return workerBundle.path();
}

/** Deletes the worker bundle; an afterAll's job (see TestBundle). */
export function removeBundledBackupWorker(): Promise<void> {
  return workerBundle.remove();
}

/**
 * A backup worker replica (NETKEEP_BACKUP_ROLE=worker, service mode) in a process of its own,
 * with a data directory of its own, as a pod's emptyDir: nothing but the database and Redis is
 * shared with the platform. The directory goes when the process does.
 */
export class BackupWorkerProcess {
  private out = '';
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    dataDir: string,
  ) {
    this.exited = new Promise<void>((done) => child.once('exit', () => done())).then(() => rm(dataDir, { recursive: true, force: true }));
    child.stdout?.setEncoding('utf8').on('data', (text: string) => (this.out += text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (this.out += text));
  }

  /** Starts one with `env` (DATABASE_URL, REDIS_URL, NETKEEP_* …) and resolves once its SSH workers have started. */
  static async start(env: Record<string, string>, readyTimeoutMs = 60_000): Promise<BackupWorkerProcess> {
    const bundle = await bundledBackupWorker();
    const dataDir = await mkdtemp(join(tmpdir(), 'netkeep-worker-'));
    const child = spawn(process.execPath, [...NODE_RUNTIME_FLAGS, bundle], {
      cwd: WORKSPACE,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], NETKEEP_HOST: '127.0.0.1', PORT: '0', NETKEEP_LOG_LEVEL: 'info', NETKEEP_DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new BackupWorkerProcess(child, dataDir);
    try {
      await worker.waitForOutput(/backup workers started/, readyTimeoutMs);
    } catch (error) {
      await worker.kill('SIGKILL');
      throw error;
    }
    return worker;
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('the worker process has no pid');
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Everything it wrote, stdout and stderr interleaved. */
  get output(): string {
    return this.out;
  }

  /** Sends `signal` unless it has exited already, and resolves once it has. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.running) this.child.kill(signal);
    await this.exited;
  }

  private waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
    return new Promise((done, fail) => {
      const check = (): void => {
        if (pattern.test(this.out)) finish();
      };
      const onExit = (): void => finish(new Error(`the worker exited before printing ${pattern}:\n${this.out.slice(-3000)}`));
      const timer = setTimeout(() => finish(new Error(`the worker did not print ${pattern} within ${timeoutMs} ms:\n${this.out.slice(-3000)}`)), timeoutMs);
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        this.child.stdout?.off('data', check);
        this.child.stderr?.off('data', check);
        this.child.off('exit', onExit);
        if (error) fail(error);
        else done();
      };
      this.child.stdout?.on('data', check);
      this.child.stderr?.on('data', check);
      this.child.once('exit', onExit);
      check();
    });
  }
}
