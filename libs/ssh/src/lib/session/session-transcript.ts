import type { ShellStream } from '../shell/shell-stream';

/** One step of a recorded shell session, in order: what the client sent, what the device printed. */
export type TranscriptEvent = { send: string } | { receive: string };

/** Wraps a live stream and appends every exchange to `events`: how golden fixtures are recorded. */
export function recordingShellStream(stream: ShellStream, events: TranscriptEvent[]): ShellStream {
  return {
    write: (data) => {
      const last = events.at(-1);
      if (last && 'send' in last) last.send += data;
      else events.push({ send: data });
      stream.write(data);
    },
    onData: (listener) =>
      stream.onData((chunk) => {
        const last = events.at(-1);
        if (last && 'receive' in last) last.receive += chunk;
        else events.push({ receive: chunk });
        listener(chunk);
      }),
    onClose: (listener) => stream.onClose(listener),
    close: () => stream.close(),
  };
}

/**
 * Plays a recorded session back to the engine with no server: the device's output is
 * released only when the engine sends exactly what the recording says it sent, so a
 * driver change that alters the dialogue fails loudly. Output arrives in small chunks to
 * exercise prompt detection across chunk boundaries.
 */
export class ReplayShellStream implements ShellStream {
  private readonly dataListeners: ((chunk: string) => void)[] = [];
  private readonly closeListeners: (() => void)[] = [];
  private position = 0;
  private written = '';
  private ended = false;
  /** Set when the engine's dialogue departed from the recording. */
  divergence?: string;

  constructor(
    private readonly events: readonly TranscriptEvent[],
    private readonly chunkSize = 512,
  ) {
    setImmediate(() => this.playDeviceTurn());
  }

  write(data: string): void {
    if (this.ended) return;
    this.written += data;
    const expected = this.events[this.position];
    if (!expected || !('send' in expected)) {
      this.diverge(`sent ${JSON.stringify(this.written)} where the recording has the device speaking`);
      return;
    }
    if (!expected.send.startsWith(this.written)) {
      this.diverge(`sent ${JSON.stringify(this.written)}, recording expects ${JSON.stringify(expected.send)}`);
      return;
    }
    if (this.written === expected.send) {
      this.written = '';
      this.position++;
      setImmediate(() => this.playDeviceTurn());
    }
  }

  onData(listener: (chunk: string) => void): void {
    this.dataListeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    this.end();
  }

  private playDeviceTurn(): void {
    while (!this.ended && this.position < this.events.length) {
      const event = this.events[this.position];
      if (!('receive' in event)) return;
      // Advance first: the engine may answer (a pager, a question) before the turn is over.
      this.position++;
      for (let offset = 0; offset < event.receive.length && !this.ended; offset += this.chunkSize) {
        const chunk = event.receive.slice(offset, offset + this.chunkSize);
        for (const listener of this.dataListeners) listener(chunk);
      }
    }
    // Recording over: the device hung up after the client's goodbye.
    if (this.position >= this.events.length) this.end();
  }

  private diverge(message: string): void {
    this.divergence = message;
    this.end();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const listener of this.closeListeners) listener();
  }
}
