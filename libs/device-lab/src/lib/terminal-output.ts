import type { Writable } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

/** How a device writes: pieces of `chunkChars`, `pauseMs` apart. */
export interface OutputPacing {
  chunkChars: number;
  pauseMs: number;
}

/** A device flushes its output buffer in pieces; other sessions run between them. */
export const DEVICE_PACING: OutputPacing = { chunkChars: 1024, pauseMs: 0 };
/** The slow-trickle fault: a full configuration takes seconds, yet always progresses. */
export const TRICKLE_PACING: OutputPacing = { chunkChars: 64, pauseMs: 20 };

/** Devices end lines with CR LF whatever the persona wrote. */
export function toDeviceLineEndings(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** The screen side of one session: paced writes that wait for the client's SSH window. */
export class TerminalOutput {
  constructor(
    private readonly channel: Writable,
    private readonly closed: AbortSignal,
    private readonly pacing: () => OutputPacing,
  ) {}

  /** Resolves once everything was handed to SSH, or at once when the session is closed. */
  async write(text: string): Promise<void> {
    const { chunkChars, pauseMs } = this.pacing();
    for (let offset = 0; offset < text.length && !this.closed.aborted; offset += chunkChars) {
      await this.writePiece(text.slice(offset, offset + chunkChars));
      try {
        await (pauseMs > 0 ? sleep(pauseMs, undefined, { signal: this.closed }) : nextTurn());
      } catch {
        return;
      }
    }
  }

  /**
   * One piece outstanding at a time: ssh2 calls back only once the piece fits the client's
   * window, so a slow reader slows the device instead of growing its buffer.
   */
  private writePiece(piece: string): Promise<void> {
    return new Promise((resolve) => {
      const onClosed = (): void => resolve();
      this.closed.addEventListener('abort', onClosed, { once: true });
      this.channel.write(piece, () => {
        this.closed.removeEventListener('abort', onClosed);
        resolve();
      });
    });
  }
}
