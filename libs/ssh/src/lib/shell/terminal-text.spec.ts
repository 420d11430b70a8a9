import { describe, expect, it } from 'vitest';
import { normaliseTerminalText, renderLine, stripAnsi } from './terminal-text';

describe('terminal text', () => {
  it('removes colour, cursor and bracketed-paste escapes', () => {
    expect(stripAnsi('\x1b[?2004h\x1b[01;32mroot@lab\x1b[00m:\x1b[01;34m~\x1b[00m# ')).toBe('root@lab:~# ');
  });

  it('applies carriage returns the way a terminal overwrites a pager prompt', () => {
    expect(renderLine(' --More-- \r          \r interface Gi0/2')).toBe(' interface Gi0/2');
  });

  it('applies backspaces that erase a pager prompt', () => {
    const erased = ' --More-- ' + '\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10) + 'ip route 0.0.0.0 0.0.0.0 10.0.0.1';
    expect(renderLine(erased)).toBe('ip route 0.0.0.0 0.0.0.0 10.0.0.1');
  });

  it('turns CRLF output into plain lines and drops NUL and BEL', () => {
    expect(normaliseTerminalText('a\r\n\x00b\x07\r\r\nc')).toBe('a\nb\nc');
  });
});
