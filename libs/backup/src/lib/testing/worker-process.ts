import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../../../..');
const ENTRY = 'libs/backup/src/lib/testing/lab-backup-worker.main.ts';

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves when the process logs a line matching `pattern`. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** A real worker process (`node -r @swc-node/register`), SSH workers only, against the given database, Redis and lab inventory. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', ENTRY], {
    cwd: WORKSPACE,
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], NETKEEP_HOST: '127.0.0.1', PORT: '0', NETKEEP_BACKUP_ROLE: 'worker', ...env },
    // The IPC channel closes when this process dies, however it dies: the worker then stops too.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const worker: WorkerProcess = {
    child,
    pid: child.pid!,
    output: () => output,
    waitForLog: (pattern, timeoutMs = 60_000) =>
      new Promise((done, fail) => {
        const check = () => {
          if (pattern.test(output)) finish();
        };
        const timer = setTimeout(() => finish(new Error(`worker ${child.pid}: no ${pattern} within ${timeoutMs} ms:\n${output.slice(-3000)}`)), timeoutMs);
        const onExit = () => finish(new Error(`worker ${child.pid} exited before ${pattern}:\n${output.slice(-3000)}`));
        const finish = (error?: Error) => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
          if (error) fail(error);
          else done();
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      }),
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
    },
  };
  await worker.waitForLog(/backup workers started/);
  return worker;
}
