import { diffSections, summariseSectionChanges } from '../diff/section-diff';
import type { NoiseFilter } from '../noise/noise-filter';
import { linesOf } from '../shared/text-lines';

const SUMMARY_MAX_LENGTH = 500;

/** The line a version list shows: what changed since the previous version, by section, ignored lines left out. */
export function summariseChange(platform: string, before: string | undefined, after: string, noise: NoiseFilter): string {
  const summary =
    before === undefined
      ? `first version, ${linesOf(after).length} lines`
      : summariseSectionChanges(diffSections(before, after, platform, { ignoreLine: (line) => noise.isIgnored(line) }));
  return summary.length > SUMMARY_MAX_LENGTH ? `${summary.slice(0, SUMMARY_MAX_LENGTH - 1)}…` : summary;
}
