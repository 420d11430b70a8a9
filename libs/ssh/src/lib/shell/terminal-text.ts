/** CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL|ST`) and two-byte escapes, as terminals send them. */
const ANSI_ESCAPE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|\x1b[()][A-Z0-9]/g;
const CONTROL_NOISE = /[\x00\x07]/g;

export function stripAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(ANSI_ESCAPE, '') : text;
}

/**
 * What a terminal would show for one line: `\r` returns to column 0 and `\b` steps back,
 * and later characters overwrite earlier ones. Pagers erase themselves this way.
 */
export function renderLine(line: string): string {
  if (!line.includes('\r') && !line.includes('\b')) return line;
  const cells: string[] = [];
  let column = 0;
  for (const char of line) {
    if (char === '\r') column = 0;
    else if (char === '\b') column = Math.max(0, column - 1);
    else cells[column++] = char;
  }
  for (let i = 0; i < cells.length; i++) cells[i] ??= ' ';
  return cells.join('').trimEnd();
}

/** Device output as plain text lines: escapes removed, overwrites applied, `\n` endings. */
export function normaliseTerminalText(text: string): string {
  return stripAnsi(text)
    .replace(CONTROL_NOISE, '')
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map(renderLine)
    .join('\n');
}
