import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** The keyboard of one session: what the client typed, read one key at a time. */
export class TerminalInput {
  private pending = '';
  private ended = false;
  private afterCarriageReturn = false;
  private wake: (() => void) | undefined;
  private readonly decoder = new StringDecoder('utf8');

  constructor(source: Readable, closed: AbortSignal) {
    source.on('data', (chunk: Buffer) => {
      this.pending += this.decoder.write(chunk);
      this.notify();
    });
    source.once('end', () => this.end());
    closed.addEventListener('abort', () => this.end(), { once: true });
  }

  /**
   * The next key if one was typed already. Scripts press Enter as `\r`, `\n` or `\r\n`;
   * all three come out as one `\r`.
   */
  poll(): string | undefined {
    while (this.pending.length > 0) {
      const key = String.fromCodePoint(this.pending.codePointAt(0) ?? 0);
      this.pending = this.pending.slice(key.length);
      const swallowed = key === '\n' && this.afterCarriageReturn;
      this.afterCarriageReturn = key === '\r';
      if (!swallowed) return key === '\n' ? '\r' : key;
    }
    return undefined;
  }

  /** Waits for the next key; `undefined` once the client closed the session or its input. */
  async next(): Promise<string | undefined> {
    for (;;) {
      const key = this.poll();
      if (key !== undefined) return key;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private end(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
