import type { PromptAnswer } from '../platform-definition';
import { SessionError, type SessionPhase } from '../session-error';
import type { ShellStream } from './shell-stream';
import { renderLine, stripAnsi } from './terminal-text';

export interface ReadUntil {
  /** Reading ends when the last line matches one of these; the index says which. */
  stops: readonly RegExp[];
  /** Answered whenever the last line matches, then reading goes on (pagers, questions). */
  answers?: readonly PromptAnswer[];
  /** Answers whose text must be cut from the output (pager prompts). */
  cutAnswered?: boolean;
  phase: SessionPhase;
  /** Fails when nothing arrives for this long; any data restarts the clock. */
  idleMs: number;
  /** Fails after this long whatever arrives: a device printing forever is stuck too. */
  totalMs: number;
  /** Whether the last line may appear in the error (not for command output: it may hold secrets). */
  showLastLine?: boolean;
}

export interface ReadResult {
  /** Raw text received, answered pager prompts removed, the stop line included. */
  text: string;
  stop: number;
  /** The matched last line as a terminal shows it. */
  stopLine: string;
}

interface PendingRead {
  spec: ReadUntil;
  resolve: (result: ReadResult) => void;
  reject: (error: Error) => void;
  idleTimer?: NodeJS.Timeout;
  totalTimer?: NodeJS.Timeout;
}

/**
 * Reads an interactive shell until a prompt: only the last line is examined on each
 * chunk, so the cost per chunk stays constant however large the output grows.
 * No sleeps: the device's own output says when it is done.
 */
export class ShellReader {
  private text = '';
  /** Raw text after the last newline: where prompts, pagers and questions appear. */
  private tail = '';
  private pending?: PendingRead;
  private closed = false;
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    private readonly stream: ShellStream,
    private readonly errorContext: { device: string; address: string },
  ) {
    stream.onData((chunk) => this.receive(chunk));
    stream.onClose(() => this.onStreamClosed());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  write(data: string): void {
    if (!this.closed) this.stream.write(data);
  }

  /** Ends the stream from our side; `onceClosed` listeners run when it is gone. */
  closeStream(): void {
    this.stream.close();
  }

  onceClosed(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  /** Forget what arrived so far (the next read starts from here). */
  discard(): void {
    this.text = '';
    this.tail = '';
  }

  read(spec: ReadUntil): Promise<ReadResult> {
    if (this.pending) throw new Error('ShellReader: a read is already in progress');
    return new Promise<ReadResult>((resolve, reject) => {
      if (this.closed) {
        reject(this.closedError(spec.phase));
        return;
      }
      const pending: PendingRead = { spec, resolve, reject };
      this.pending = pending;
      pending.totalTimer = setTimeout(() => this.fail(this.timeoutError(spec, spec.totalMs, 'in total')), spec.totalMs);
      this.restartIdleTimer(pending);
      this.examineTail();
    });
  }

  private receive(chunk: string): void {
    this.text += chunk;
    const newline = chunk.lastIndexOf('\n');
    this.tail = newline === -1 ? this.tail + chunk : chunk.slice(newline + 1);
    if (this.pending) {
      this.restartIdleTimer(this.pending);
      this.examineTail();
    }
  }

  private examineTail(): void {
    const pending = this.pending;
    if (!pending || this.tail === '') return;
    const line = renderLine(stripAnsi(this.tail));
    const stop = pending.spec.stops.findIndex((pattern) => pattern.test(line));
    if (stop !== -1) {
      const text = this.text;
      this.discard();
      this.settle();
      pending.resolve({ text, stop, stopLine: line });
      return;
    }
    const answer = pending.spec.answers?.find((candidate) => candidate.pattern.test(line));
    if (answer) {
      if (pending.spec.cutAnswered) this.text = this.text.slice(0, this.text.length - this.tail.length);
      this.tail = '';
      this.stream.write(answer.answer);
    }
  }

  private restartIdleTimer(pending: PendingRead): void {
    clearTimeout(pending.idleTimer);
    const { spec } = pending;
    pending.idleTimer = setTimeout(() => this.fail(this.timeoutError(spec, spec.idleMs, 'of silence')), spec.idleMs);
  }

  private settle(): void {
    if (!this.pending) return;
    clearTimeout(this.pending.idleTimer);
    clearTimeout(this.pending.totalTimer);
    this.pending = undefined;
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.settle();
    pending?.reject(error);
  }

  private onStreamClosed(): void {
    this.closed = true;
    if (this.pending) this.fail(this.closedError(this.pending.spec.phase));
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  private closedError(phase: SessionPhase): SessionError {
    const received = this.pending ? ` after ${Buffer.byteLength(this.text)} bytes of output` : '';
    return new SessionError(`connection closed by the device${received}`, {
      ...this.errorContext,
      phase: phase === 'prompt' || phase === 'command' ? 'closed' : phase,
    });
  }

  private timeoutError(spec: ReadUntil, ms: number, kind: string): SessionError {
    const seconds = (ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1);
    const lastLine = renderLine(stripAnsi(this.tail)).trim().slice(-80);
    const detail = spec.showLastLine
      ? lastLine === ''
        ? ' (nothing on the last line)'
        : ` (last line: ${JSON.stringify(lastLine)})`
      : ` (${Buffer.byteLength(this.text)} bytes received)`;
    const what = spec.phase === 'prompt' ? 'no prompt recognised' : 'no prompt after the output';
    return new SessionError(`${what} within ${seconds}s ${kind}${detail}`, { ...this.errorContext, phase: spec.phase });
  }
}
