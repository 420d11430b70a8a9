import type { ProgressEvent, ProgressSink, StepState } from './progress-sink';
import { formatDuration } from './run-timeline';

interface Row {
  label: string;
  step: string;
  state: StepState;
  detail?: string;
  since: number;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const MARKS: Record<StepState, string> = { running: '', done: '✓', skipped: '·', failed: '✗' };
const REDRAW_MS = 100;

/**
 * Progress on a terminal: one line for the cluster and one per node, each showing its current
 * step and for how long it has been running, redrawn in place. Notes scroll above the table.
 */
export class LiveProgress implements ProgressSink {
  private readonly rows = new Map<string, Row>();
  private drawnLines = 0;
  private frame = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly write: (text: string) => void,
    private readonly columns: () => number = () => 100,
    private readonly now: () => number = Date.now,
  ) {
    this.timer = setInterval(() => this.draw(), REDRAW_MS);
    this.timer.unref();
  }

  update(event: ProgressEvent): void {
    const label = event.node ?? 'cluster';
    const previous = this.rows.get(label);
    const since = previous && previous.step === event.step && previous.state === 'running' ? previous.since : this.now();
    this.rows.set(label, { label, step: event.step, state: event.state, ...(event.detail ? { detail: event.detail } : {}), since });
    this.draw();
  }

  note(line: string): void {
    this.erase();
    this.write(`${line}\n`);
    this.draw();
  }

  finish(): void {
    clearInterval(this.timer);
    this.draw();
  }

  private draw(): void {
    this.erase();
    this.frame = (this.frame + 1) % SPINNER.length;
    const width = Math.max(20, this.columns() - 1);
    const labelWidth = Math.max(...[...this.rows.keys()].map((label) => label.length), 7);
    const lines = [...this.rows.values()].map((row) => {
      const mark = row.state === 'running' ? SPINNER[this.frame] : MARKS[row.state];
      const elapsed = row.state === 'running' ? ` ${formatDuration(this.now() - row.since)}` : '';
      const text = `${mark} ${row.label.padEnd(labelWidth)}  ${row.step}${elapsed}${row.detail ? ` — ${row.detail}` : ''}`;
      return text.length > width ? `${text.slice(0, width - 1)}…` : text;
    });
    if (lines.length) this.write(`${lines.join('\n')}\n`);
    this.drawnLines = lines.length;
  }

  /** Cursor up over the last frame and clear to the end of the screen. */
  private erase(): void {
    if (this.drawnLines > 0) this.write(`\u001b[${this.drawnLines}A\u001b[0J`);
    this.drawnLines = 0;
  }
}
