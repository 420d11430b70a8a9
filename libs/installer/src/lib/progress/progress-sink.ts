export type StepState = 'running' | 'done' | 'skipped' | 'failed';

/** A step of the run started, ended or was skipped, on one node or (no node) for the cluster. */
export interface ProgressEvent {
  node?: string;
  step: string;
  state: StepState;
  /** `v1.33.4+k3s1 → v1.34.1+k3s1`, `nothing to do`, the error… */
  detail?: string;
}

/** Where progress goes: a live table on a terminal, plain lines in a log, nothing in tests. */
export interface ProgressSink {
  update(event: ProgressEvent): void;
  /** A line that is not a step: a warning, a command in --verbose. */
  note(line: string): void;
  /** The run is over: a live display leaves its last frame in place. */
  finish(): void;
}

export const SILENT_PROGRESS: ProgressSink = { update: () => undefined, note: () => undefined, finish: () => undefined };
