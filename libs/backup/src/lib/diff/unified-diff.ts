import { createTwoFilesPatch, diffLines, FILE_HEADERS_ONLY } from 'diff';
import { oneLine } from '../shared/text-lines';

export const UNIFIED_CONTEXT_LINES = 3;

export interface UnifiedDiff {
  /** A unified diff (`--- a/<device>`, `+++ b/<device>`, hunks with 3 lines of context); empty when nothing differs. */
  patch: string;
  linesAdded: number;
  linesRemoved: number;
}

/** The unified diff of two configurations of one device; the headers carry the versions' labels (commit, time). */
export function unifiedDiff(deviceName: string, before: string, after: string, labels: { from?: string; to?: string } = {}): UnifiedDiff {
  if (before === after) return { patch: '', linesAdded: 0, linesRemoved: 0 };
  const name = oneLine(deviceName);
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, labels.from, labels.to, {
    context: UNIFIED_CONTEXT_LINES,
    headerOptions: FILE_HEADERS_ONLY,
  });
  let linesAdded = 0;
  let linesRemoved = 0;
  for (const part of diffLines(before, after)) {
    if (part.added) linesAdded += part.count ?? 0;
    else if (part.removed) linesRemoved += part.count ?? 0;
  }
  return { patch, linesAdded, linesRemoved };
}
