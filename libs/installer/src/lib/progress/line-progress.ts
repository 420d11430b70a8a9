import type { ProgressEvent, ProgressSink } from './progress-sink';
import { formatDuration } from './run-timeline';

/** Progress as plain lines, one per step start and end: for logs, CI and pipes. */
export class LineProgress implements ProgressSink {
  private readonly started = new Map<string, number>();

  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  update(event: ProgressEvent): void {
    const key = `${event.node ?? ''}\u0000${event.step}`;
    const who = event.node ? `[${event.node}] ` : '';
    if (event.state === 'running') {
      // A running step may report again (2/3 Ready): it keeps its start time.
      if (!this.started.has(key)) this.started.set(key, this.now());
      this.write(`${who}${event.step}…${event.detail ? ` (${event.detail})` : ''}\n`);
      return;
    }
    const startedAt = this.started.get(key);
    this.started.delete(key);
    const took = startedAt === undefined ? '' : ` in ${formatDuration(this.now() - startedAt)}`;
    this.write(`${who}${event.step}: ${event.state}${took}${event.detail ? ` — ${event.detail}` : ''}\n`);
  }

  note(line: string): void {
    this.write(`${line}\n`);
  }

  finish(): void {
    this.started.clear();
  }
}
