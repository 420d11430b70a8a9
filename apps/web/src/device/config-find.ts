/** Where a search matches in one line: [start, end) character ranges. */
export type MatchRanges = [start: number, end: number][];

export interface FindQuery {
  text: string;
  /** Read `text` as a regular expression (as the fleet-wide search does). */
  regex: boolean;
}

/** A matcher for the viewer's find box, case-insensitive; an invalid regular expression says why instead. */
export function compileFind(query: FindQuery): { match: (line: string) => MatchRanges } | { problem: string } | undefined {
  if (query.text === '') return undefined;
  let pattern: RegExp;
  try {
    pattern = new RegExp(query.regex ? query.text : query.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  } catch (error) {
    return { problem: (error as Error).message };
  }
  return {
    match: (line) => {
      const ranges: MatchRanges = [];
      pattern.lastIndex = 0;
      for (let found = pattern.exec(line); found; found = pattern.exec(line)) {
        // An empty match (`^`, `a*`) would loop forever: step past it.
        if (found[0] === '') {
          pattern.lastIndex += 1;
          continue;
        }
        ranges.push([found.index, found.index + found[0].length]);
      }
      return ranges;
    },
  };
}
