import type { Clock } from '@netkeep/core';
import type { GitConfigRepository } from './git-config-repository';

/** A remote repository the archive mirrors to, over HTTP(S). */
export interface RemoteTarget {
  url: string;
  username?: string;
  /** Password or access token; sent only through the HTTP auth exchange, never in logs or outcomes. */
  token?: string;
}

export interface RemotePushOptions extends RemoteTarget {
  /** Push on its own after commits (default true). */
  pushAfterCommit?: boolean;
  /** Commits within this window go out in one push (default 2 s). */
  batchDelayMs?: number;
}

export interface PushOutcome {
  ok: boolean;
  /** The remote, without credentials. */
  url: string;
  /** The branch commit that was pushed (or attempted). */
  commit: string | undefined;
  at: string;
  error?: string;
}

const DEFAULT_BATCH_DELAY_MS = 2_000;

/**
 * Mirrors the archive to the configured remote after commit batches. A failed push is
 * reported (the outcome, a callback) and retried with the next batch; the local commit is
 * never at risk, because pushing only reads the repository.
 */
export class RemotePusher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private last: PushOutcome | undefined;

  constructor(
    private readonly repository: GitConfigRepository,
    private readonly options: RemotePushOptions,
    private readonly clock: Clock,
    private readonly onOutcome: (outcome: PushOutcome) => void,
  ) {}

  get lastOutcome(): PushOutcome | undefined {
    return this.last;
  }

  /** A commit happened: push once the batch window closes (or after the push in flight). */
  request(): void {
    if (this.options.pushAfterCommit === false) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runBatches();
    }, this.options.batchDelayMs ?? DEFAULT_BATCH_DELAY_MS);
    this.timer.unref();
  }

  /** Pushes what is waiting now and resolves when no push is in flight. */
  async flush(): Promise<PushOutcome | undefined> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.runBatches();
    }
    while (this.running) await this.running;
    return this.last;
  }

  /** One push to `target` (the configured remote by default), now. */
  async push(target: RemoteTarget = this.options): Promise<PushOutcome> {
    const commit = await this.repository.head();
    const url = withoutCredentials(target.url);
    try {
      await this.repository.push(target.url, target.token !== undefined || target.username !== undefined ? { username: target.username, password: target.token } : undefined);
      return this.report({ ok: true, url, commit, at: this.clock.now().toISOString() }, target);
    } catch (error) {
      const message = scrub(error instanceof Error ? error.message : String(error), target);
      return this.report({ ok: false, url, commit, at: this.clock.now().toISOString(), error: message }, target);
    }
  }

  private runBatches(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.push();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private report(outcome: PushOutcome, target: RemoteTarget): PushOutcome {
    if (target === this.options) this.last = outcome;
    this.onOutcome(outcome);
    return outcome;
  }
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}

function scrub(message: string, target: RemoteTarget): string {
  return target.token ? message.split(target.token).join('***') : message;
}
