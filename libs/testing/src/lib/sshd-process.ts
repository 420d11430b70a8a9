import { spawn, type ChildProcess } from 'node:child_process';
import { childProcessIds } from './child-processes';

export const SSHD_PATH = '/usr/sbin/sshd';

const LISTENING_MARK = 'Server listening on';
const STOP_GRACE_MS = 5_000;

/** Servers still running when the test process exits are killed, so none outlives its run. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

export interface SshdLaunch {
  configPath: string;
  /** Run inside this network namespace (`ip netns exec`). */
  netns?: string;
  readyTimeoutMs: number;
  /** For error messages: `127.0.0.1:2222`. */
  address: string;
}

/** sshd exited or timed out before listening; `logs` is everything it printed. */
export class SshdStartError extends Error {
  constructor(
    message: string,
    readonly logs: string,
  ) {
    super(`${message}\n--- sshd log ---\n${logs}`);
    this.name = 'SshdStartError';
  }

  get addressInUse(): boolean {
    return this.logs.includes('Address already in use');
  }
}

/** One `sshd -D -e` in the foreground, its stderr captured as its log. */
export class SshdProcess {
  private log = '';
  private readonly exited: Promise<void>;
  private stopping?: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.log += chunk));
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    running.add(child);
    void this.exited.then(() => running.delete(child));
  }

  static async launch(launch: SshdLaunch): Promise<SshdProcess> {
    const sshdArgs = [SSHD_PATH, '-D', '-e', '-f', launch.configPath];
    const [command, ...args] = launch.netns ? ['ip', 'netns', 'exec', launch.netns, ...sshdArgs] : sshdArgs;
    const sshd = new SshdProcess(spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] }));
    await sshd.waitUntilListening(launch);
    return sshd;
  }

  logs(): string {
    return this.log;
  }

  /** Stops the listener and the sessions it forked, and waits until the listener is gone. */
  stop(): Promise<void> {
    this.stopping ??= this.terminate();
    return this.stopping;
  }

  private async terminate(): Promise<void> {
    const neverStarted = this.child.pid === undefined;
    if (neverStarted || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const sessions = this.child.pid ? await childProcessIds(this.child.pid) : [];
    this.child.kill('SIGTERM');
    sessions.forEach((pid) => signal(pid, 'SIGTERM'));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private waitUntilListening(launch: SshdLaunch): Promise<void> {
    return new Promise((resolve, reject) => {
      const fail = (reason: string) => {
        finish();
        void this.stop().then(() => reject(new SshdStartError(`sshd on ${launch.address} ${reason}`, this.log)));
      };
      const onData = () => {
        if (this.log.includes(LISTENING_MARK)) {
          finish();
          resolve();
        }
      };
      const onClose = (code: number | null, signalName: string | null) =>
        fail(`exited (${signalName ?? `code ${code}`}) before listening`);
      const onError = (error: Error) => fail(`could not be started: ${error.message}`);
      const timer = setTimeout(() => fail(`was not listening after ${launch.readyTimeoutMs} ms`), launch.readyTimeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.child.stderr?.off('data', onData);
        this.child.off('close', onClose);
        this.child.off('error', onError);
      };
      this.child.stderr?.on('data', onData);
      this.child.once('close', onClose);
      this.child.once('error', onError);
    });
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone: the session ended on its own between listing and signalling.
  }
}
