/**
 * Literal texts of which every match of `pattern` contains at least one, or `undefined` when
 * that cannot be proven. A line holding none of them cannot match, so the regex need not run.
 *
 * Conservative by construction: only characters every match must contain are collected, and
 * anything not understood gives up rather than guesses. Literals are at least 3 characters long
 * (shorter ones would filter nothing) and none contains another (the shorter one suffices).
 */
export function requiredLiterals(pattern: RegExp): readonly string[] | undefined {
  // Case folding, v-mode classes and sticky `lastIndex` state are beyond this analysis.
  if (/[ivy]/.test(pattern.flags)) return undefined;
  // A quantifier after an astral character covers one code unit or two depending on `u`.
  if (/[\uD800-\uDFFF]/.test(pattern.source)) return undefined;
  try {
    const literals = alternativesLiterals(pattern.source, pattern.flags.includes('u'));
    return literals && withoutRedundant(literals);
  } catch (error) {
    if (error instanceof UnsupportedSyntax) return undefined;
    throw error;
  }
}

/** Shortest literal that counts: one or two characters are in almost every line. */
const MIN_LITERAL_LENGTH = 3;

class UnsupportedSyntax extends Error {}

/** One top-level piece of an alternative, as far as the analysis needs to know it. */
type Element =
  | { kind: 'char'; char: string; quantified: boolean }
  /** A capturing or non-capturing group every match of the alternative passes through once. */
  | { kind: 'mandatory-group'; body: string }
  /** Classes, `.`, escapes other than punctuation, anchors, backreferences, lookarounds, optional groups. */
  | { kind: 'other' };

/** Literals for a source of `|`-separated alternatives: one set per alternative, all needed. */
function alternativesLiterals(source: string, unicode: boolean): string[] | undefined {
  const literals: string[] = [];
  for (const alternative of parseAlternatives(source, unicode)) {
    const found = alternativeLiterals(alternative, unicode);
    if (!found) return undefined;
    literals.push(...found);
  }
  return literals;
}

/**
 * Each unbroken run of mandatory characters, and each mandatory group that can itself be proven,
 * is a candidate; any one of them is enough. The one with the longest shortest literal wins.
 */
function alternativeLiterals(elements: readonly Element[], unicode: boolean): string[] | undefined {
  const candidates: string[][] = [];
  let run = '';
  const endRun = () => {
    if (run.length >= MIN_LITERAL_LENGTH) candidates.push([run]);
    run = '';
  };
  for (const element of elements) {
    if (element.kind === 'char' && !element.quantified) {
      run += element.char;
      continue;
    }
    // A quantified character may be absent or repeated: it is not part of any run.
    endRun();
    if (element.kind === 'mandatory-group') {
      const inner = alternativesLiterals(element.body, unicode);
      if (inner) candidates.push(inner);
    }
  }
  endRun();
  return candidates.reduce<string[] | undefined>((best, candidate) => (!best || isBetter(candidate, best) ? candidate : best), undefined);
}

function isBetter(candidate: readonly string[], best: readonly string[]): boolean {
  const shortest = (literals: readonly string[]) => Math.min(...literals.map((literal) => literal.length));
  const [a, b] = [shortest(candidate), shortest(best)];
  return a !== b ? a > b : candidate.length < best.length;
}

function parseAlternatives(source: string, unicode: boolean): Element[][] {
  const alternatives: Element[][] = [[]];
  let i = 0;
  while (i < source.length) {
    if (source[i] === '|') {
      alternatives.push([]);
      i++;
      continue;
    }
    const { element, end } = parseAtom(source, i, unicode);
    const afterQuantifier = quantifierEnd(source, end);
    const quantified = afterQuantifier > end;
    alternatives[alternatives.length - 1].push(
      !quantified ? element : element.kind === 'char' ? { ...element, quantified } : { kind: 'other' },
    );
    i = afterQuantifier;
  }
  return alternatives;
}

function parseAtom(source: string, start: number, unicode: boolean): { element: Element; end: number } {
  const c = source[start];
  switch (c) {
    case '\\':
      return parseEscape(source, start, unicode);
    case '[':
      return { element: { kind: 'other' }, end: classEnd(source, start) };
    case '(':
      return parseGroup(source, start);
    case '.':
    case '^':
    case '$':
    case ']':
    case '}':
      // `]` and `}` are literals in non-u mode when unpaired; claiming nothing is always safe.
      return { element: { kind: 'other' }, end: start + 1 };
    case '?':
    case '*':
    case '+':
    case '{':
    case ')':
      throw new UnsupportedSyntax(`unexpected "${c}" at ${start}`);
    default:
      return { element: { kind: 'char', char: c, quantified: false }, end: start + 1 };
  }
}

function parseEscape(source: string, start: number, unicode: boolean): { element: Element; end: number } {
  const other = (end: number) => ({ element: { kind: 'other' } as const, end });
  const next = source[start + 1];
  if (next === undefined) throw new UnsupportedSyntax('trailing backslash');
  const rest = source.slice(start);
  if ('dDsSwWbBnrtvf'.includes(next)) return other(start + 2);
  // Backreference, or an octal escape in non-u mode: either way no literal is claimed.
  if (/[0-9]/.test(next)) return other(start + (/^\\[0-9]+/.exec(rest)?.[0].length ?? 2));
  const sized = /^\\(?:k<[^>]+>|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|c[A-Za-z])/.exec(rest) ?? (unicode ? /^\\(?:u\{[0-9A-Fa-f]+\}|[pP]\{[^}]+\})/.exec(rest) : null);
  if (sized) return other(start + sized[0].length);
  if (/[A-Za-z0-9_]/.test(next)) throw new UnsupportedSyntax(`escape \\${next}`);
  // Escaped punctuation (`\.`, `\-`, `\/`, `\ `) stands for itself.
  return { element: { kind: 'char', char: next, quantified: false }, end: start + 2 };
}

/** Index after the `]` that closes the class opened at `start` (in JS, `[]` is a complete class). */
function classEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  throw new UnsupportedSyntax('unclosed class');
}

function parseGroup(source: string, start: number): { element: Element; end: number } {
  const end = groupEnd(source, start);
  const body = (from: number) => source.slice(from, end - 1);
  const head = source.slice(start, start + 4);
  if (/^\(\?(?:[=!]|<[=!])/.test(head)) return { element: { kind: 'other' }, end };
  if (head.startsWith('(?:')) return { element: { kind: 'mandatory-group', body: body(start + 3) }, end };
  if (head.startsWith('(?<')) {
    const nameEnd = source.indexOf('>', start);
    if (nameEnd === -1 || nameEnd >= end) throw new UnsupportedSyntax('malformed group name');
    return { element: { kind: 'mandatory-group', body: body(nameEnd + 1) }, end };
  }
  // Modifier groups (`(?i:…)`) and anything newer.
  if (head.startsWith('(?')) throw new UnsupportedSyntax(`group ${head}`);
  return { element: { kind: 'mandatory-group', body: body(start + 1) }, end };
}

/** Index after the `)` that closes the group opened at `start`, skipping escapes and classes. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new UnsupportedSyntax('unclosed group');
}

/** Index after a quantifier (`?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy) at `start`, or `start`. */
function quantifierEnd(source: string, start: number): number {
  const quantifier = /^(?:[?*+]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(start));
  if (quantifier) return start + quantifier[0].length;
  // A `{` that is no quantifier is a literal in non-u mode; not worth the subtlety.
  if (source[start] === '{') throw new UnsupportedSyntax(`brace at ${start}`);
  return start;
}

/** A literal containing another is implied by it: a text holding the longer one holds the shorter. */
function withoutRedundant(literals: readonly string[]): string[] {
  const unique = [...new Set(literals)];
  return unique.filter((literal) => !unique.some((other) => other !== literal && literal.includes(other)));
}
