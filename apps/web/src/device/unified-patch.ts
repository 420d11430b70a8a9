/** One side of a side-by-side row: a line of the old or the new version. */
export interface DiffSide {
  number: number;
  text: string;
}

export type DiffRow =
  | { kind: 'hunk'; header: string }
  | { kind: 'context'; left: DiffSide; right: DiffSide }
  /** A removed line beside the added line that took its place; either side may be missing. */
  | { kind: 'change'; left?: DiffSide; right?: DiffSide };

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@(.*)$/;

/** The API's unified patch as side-by-side rows: context on both sides, each run of removals paired with the additions after it. */
export function sideBySideRows(patch: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  let removed: DiffSide[] = [];
  let added: DiffSide[] = [];
  const flush = () => {
    for (let index = 0; index < Math.max(removed.length, added.length); index += 1) rows.push({ kind: 'change', left: removed[index], right: added[index] });
    removed = [];
    added = [];
  };
  for (const line of patch.split('\n')) {
    const hunk = HUNK.exec(line);
    if (hunk) {
      flush();
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      inHunk = true;
      rows.push({ kind: 'hunk', header: line });
      continue;
    }
    // File headers (--- a/…, +++ b/…) come before the first hunk; "\ No newline at end of file" carries no line.
    if (!inHunk || line.startsWith('\\')) continue;
    const text = line.slice(1);
    if (line.startsWith('-')) removed.push({ number: oldLine++, text });
    else if (line.startsWith('+')) added.push({ number: newLine++, text });
    else if (line.startsWith(' ')) {
      flush();
      rows.push({ kind: 'context', left: { number: oldLine++, text }, right: { number: newLine++, text } });
    }
  }
  flush();
  return rows;
}
