/**
 * Whether a pattern repeats a group that holds an unbounded repetition, like `(a+)+` or
 * `(\w*\s?)*`: the shape behind most catastrophic backtracking. A heuristic: it does not
 * catch overlapping alternatives such as `(a|a)*`, and lets bounded inner repetition
 * (`(\d{1,3}\.){3}`) pass.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  /** Per open group: whether it holds an unbounded repetition. */
  const groups: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      groups.push(false);
    } else if (char === ')') {
      const unboundedInside = groups.pop() ?? false;
      if (unboundedInside && repeats(pattern, i + 1)) return true;
      const carries = unboundedInside || unbounded(pattern, i + 1);
      if (carries && groups.length > 0) groups[groups.length - 1] = true;
    } else if (unbounded(pattern, i) && groups.length > 0) {
      groups[groups.length - 1] = true;
    }
  }
  return false;
}

/** `*`, `+` or `{n,}` at `index`. */
function unbounded(pattern: string, index: number): boolean {
  const char = pattern[index];
  if (char === '*' || char === '+') return true;
  return char === '{' && /^\{\d*,\}/.test(pattern.slice(index));
}

/** Any quantifier at `index` that allows more than one repetition. */
function repeats(pattern: string, index: number): boolean {
  if (unbounded(pattern, index)) return true;
  const range = /^\{(\d+)(?:,(\d+))?\}/.exec(pattern.slice(index));
  return range !== null && Number(range[2] ?? range[1]) > 1;
}
