import { describe, expect, it } from 'vitest';
import { SessionError } from '../session-error';
import { ShellReader, type ReadUntil } from './shell-reader';
import type { ShellStream } from './shell-stream';

/** A scripted peer: the test pushes device output and sees what the reader sent. */
function scriptedStream() {
  const data: ((chunk: string) => void)[] = [];
  const close: (() => void)[] = [];
  const sent: string[] = [];
  const stream: ShellStream = {
    write: (text) => sent.push(text),
    onData: (listener) => data.push(listener),
    onClose: (listener) => close.push(listener),
    close: () => close.forEach((listener) => listener()),
  };
  return {
    stream,
    sent,
    device: (chunk: string) => data.forEach((listener) => listener(chunk)),
    hangUp: () => close.forEach((listener) => listener()),
  };
}

const context = { device: 'r1', address: '127.0.0.1:22' };
const read = (overrides: Partial<ReadUntil> = {}): ReadUntil => ({
  stops: [/[\w-]+#\s?$/],
  phase: 'command',
  idleMs: 200,
  totalMs: 2_000,
  ...overrides,
});

describe('ShellReader', () => {
  it('stops at a prompt split across chunks', async () => {
    const peer = scriptedStream();
    const reader = new ShellReader(peer.stream, context);
    const result = reader.read(read());
    peer.device('show clock\r\n01:45:26 UTC\r\nr');
    peer.device('1#');
    await expect(result).resolves.toMatchObject({ stop: 0, stopLine: 'r1#' });
  });

  it('answers a pager and cuts the pager text out of the output', async () => {
    const peer = scriptedStream();
    const reader = new ShellReader(peer.stream, context);
    const result = reader.read(read({ answers: [{ pattern: / --More-- $/, answer: ' ' }], cutAnswered: true }));
    peer.device('line 1\r\n --More-- ');
    expect(peer.sent).toEqual([' ']);
    peer.device('\r          \rline 2\r\nr1#');
    const { text } = await result;
    expect(text).not.toContain('More');
    expect(text).toContain('line 2');
  });

  it('keeps waiting while output trickles in, even past the idle limit in total', async () => {
    const peer = scriptedStream();
    const reader = new ShellReader(peer.stream, context);
    const result = reader.read(read({ idleMs: 100 }));
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      peer.device(`line ${i}\r\n`);
    }
    peer.device('r1#');
    await expect(result).resolves.toMatchObject({ stop: 0 });
  });

  it('fails in the command phase after silence, without quoting output that may hold secrets', async () => {
    const peer = scriptedStream();
    const reader = new ShellReader(peer.stream, context);
    const result = reader.read(read({ idleMs: 50 }));
    peer.device('username admin secret 5 $1$abc\r\nsnmp-server community s3cret');
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionError);
    expect(error).toMatchObject({ phase: 'command', device: 'r1' });
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('names the unrecognised last line when no prompt appears at login', async () => {
    const peer = scriptedStream();
    const reader = new ShellReader(peer.stream, context);
    const result = reader.read(read({ idleMs: 50, phase: 'prompt', showLastLine: true }));
    peer.device('Welcome\r\nweird-prompt %');
    await expect(result).rejects.toThrow(/no prompt recognised.*"weird-prompt %"/);
  });

  it('reports a device that hangs up mid-output as closed', async () => {
    const peer = scriptedStream();
    const reader = new ShellReader(peer.stream, context);
    const result = reader.read(read());
    peer.device('half of the config\r\n');
    peer.hangUp();
    await expect(result).rejects.toMatchObject({ phase: 'closed' });
    expect(reader.isClosed).toBe(true);
  });

  it('fails after the total limit even while data keeps arriving', async () => {
    const peer = scriptedStream();
    const reader = new ShellReader(peer.stream, context);
    const result = reader.read(read({ idleMs: 1_000, totalMs: 120 }));
    const flood = setInterval(() => peer.device('more\r\n'), 10);
    await expect(result).rejects.toThrow(/in total/);
    clearInterval(flood);
  });
});
