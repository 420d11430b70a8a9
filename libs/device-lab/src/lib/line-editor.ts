import type { TerminalInput } from './terminal-input';
import type { TerminalOutput } from './terminal-output';

export interface Terminal {
  input: TerminalInput;
  output: TerminalOutput;
}

const BACKSPACE_KEYS = new Set(['\x7f', '\b']);
const ESCAPE = '\x1b';

/**
 * Reads one line as a device CLI does: echo (unless the input is a secret), backspace,
 * Enter. Keys typed ahead are echoed together. `undefined` when the session ended first.
 */
export async function readLine(terminal: Terminal, options: { echo: boolean }): Promise<string | undefined> {
  let line = '';
  for (;;) {
    const first = await terminal.input.next();
    if (first === undefined) return undefined;
    let echo = '';
    for (let key: string | undefined = first; key !== undefined; key = terminal.input.poll()) {
      if (key === '\r') {
        await terminal.output.write(`${echo}\r\n`);
        return line;
      }
      if (BACKSPACE_KEYS.has(key)) {
        if (line !== '' && options.echo) echo += '\b \b';
        line = line.slice(0, -1);
      } else if (key === ESCAPE) {
        skipEscapeSequence(terminal.input);
      } else if (key >= ' ') {
        line += key;
        if (options.echo) echo += key;
      }
    }
    if (echo !== '') await terminal.output.write(echo);
  }
}

/** Cursor keys and the like arrive as one escape sequence; a CLI without history ignores them. */
function skipEscapeSequence(input: TerminalInput): void {
  const introducer = input.poll();
  if (introducer !== '[' && introducer !== 'O') return;
  for (let key = input.poll(); key !== undefined; key = input.poll()) {
    if (key >= '@' && key <= '~') return;
  }
}
