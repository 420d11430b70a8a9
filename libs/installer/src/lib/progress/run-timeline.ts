/** How long one cluster-level step took, for the summary. */
export interface StepTiming {
  step: string;
  durationMs: number;
  outcome: 'done' | 'skipped' | 'failed';
  detail?: string;
}

/** The steps of one run, in order, with their durations. */
export class RunTimeline {
  readonly steps: StepTiming[] = [];
  private readonly startedAt: number;

  constructor(private readonly now: () => number = Date.now) {
    this.startedAt = now();
  }

  /** Runs `work` as a step; a thrown error is recorded as the step's failure and passed on. */
  async step<T>(step: string, work: () => Promise<T>, describe?: (result: T) => string | undefined): Promise<T> {
    const started = this.now();
    try {
      const result = await work();
      const detail = describe?.(result);
      this.steps.push({ step, durationMs: this.now() - started, outcome: 'done', ...(detail ? { detail } : {}) });
      return result;
    } catch (error) {
      this.steps.push({ step, durationMs: this.now() - started, outcome: 'failed', detail: (error as Error).message.split('\n')[0] });
      throw error;
    }
  }

  skip(step: string, detail: string): void {
    this.steps.push({ step, durationMs: 0, outcome: 'skipped', detail });
  }

  get totalMs(): number {
    return this.now() - this.startedAt;
  }
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
