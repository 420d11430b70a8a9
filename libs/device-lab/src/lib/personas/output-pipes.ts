import type { OutputPipe } from './command-table';

/** The output modifiers network CLIs offer after `|`; each persona lists the ones its vendor has. */

/** A user's pattern as a regular expression; one that does not compile matches literally. */
export function userPattern(pattern: string, flags = ''): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
  }
}

export const includePipe = (syntax: string, flags = ''): OutputPipe => ({
  syntax,
  filter: (lines, args) => lines.filter((line) => userPattern(args['pattern'], flags).test(line)),
});

export const excludePipe = (syntax: string, flags = ''): OutputPipe => ({
  syntax,
  filter: (lines, args) => lines.filter((line) => !userPattern(args['pattern'], flags).test(line)),
});

/** From the first matching line to the end. */
export const beginPipe = (syntax: string): OutputPipe => ({
  syntax,
  filter: (lines, args) => {
    const first = lines.findIndex((line) => userPattern(args['pattern']).test(line));
    return first === -1 ? [] : lines.slice(first);
  },
});

/** IOS `section`: matching top-level lines with their indented children. */
export const sectionPipe = (syntax: string): OutputPipe => ({
  syntax,
  filter: (lines, args) => {
    const pattern = userPattern(args['pattern']);
    const kept: string[] = [];
    let inSection = false;
    for (const line of lines) {
      const child = /^\s/.test(line);
      if (!child) inSection = pattern.test(line);
      if (inSection || (child && pattern.test(line))) kept.push(line);
    }
    return kept;
  },
});

/** Counts the lines (matching `pattern` when the syntax has one) and prints `format(count)`. */
export const countPipe = (syntax: string, format: (count: number) => string): OutputPipe => ({
  syntax,
  filter: (lines, args) => {
    const pattern = args['pattern'] === undefined ? undefined : userPattern(args['pattern']);
    return [format(lines.filter((line) => line !== '' && (!pattern || pattern.test(line))).length)];
  },
});

/** `| no-more`: the whole output at once, paging untouched for the next command. */
export const noMorePipe = (syntax = 'no-more'): OutputPipe => ({ syntax, filter: (lines) => lines, unpaged: true });

/** A modifier that leaves this persona's output as it is (`| display omit` where nothing is omitted). */
export const unchangedPipe = (syntax: string): OutputPipe => ({ syntax, filter: (lines) => lines });

/** Replaces the output entirely, e.g. `| display set` on Junos. */
export const transformPipe = (syntax: string, transform: (lines: string[]) => string[]): OutputPipe => ({
  syntax,
  filter: (lines) => transform(lines),
});
