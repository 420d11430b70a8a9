import type { Terminal } from './line-editor';
import type { Persona } from './persona';

export type PagedWrite = 'complete' | 'stopped' | 'closed';

/**
 * Prints device text a page at a time: space shows the next page, Enter the next line,
 * any other key (like `q`) stops the output, as on Cisco's `--More--`.
 */
export async function writePaged(
  text: string,
  persona: Persona,
  pageLines: number,
  terminal: Terminal,
): Promise<PagedWrite> {
  const lines = text.split(/(?<=\n)/);
  let shown = 0;
  let allowance = pageLines;
  for (;;) {
    const next = lines.slice(shown, shown + allowance);
    await terminal.output.write(next.join(''));
    shown += next.length;
    if (shown >= lines.length) return 'complete';

    await terminal.output.write(persona.pagerPrompt);
    const key = await terminal.input.next();
    await terminal.output.write(pagerErasure(persona));
    if (key === undefined) return 'closed';
    if (key === ' ') allowance = pageLines;
    else if (key === '\r') allowance = 1;
    else return 'stopped';
  }
}

/** Cisco backspaces over its pager prompt; most others return the carriage and blank the line. */
function pagerErasure(persona: Persona): string {
  const width = persona.pagerPrompt.length;
  return persona.pagerErase === 'backspaces'
    ? '\b'.repeat(width) + ' '.repeat(width) + '\b'.repeat(width)
    : `\r${' '.repeat(width)}\r`;
}
