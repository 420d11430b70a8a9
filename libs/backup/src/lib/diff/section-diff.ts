import { diffArrays } from 'diff';
import { describeLineChanges } from './change-phrases';
import type { ConfigSection } from './sections/config-section';
import { sectionSyntaxFor } from './sections/section-syntaxes';

/** One section that differs between two configurations, with a sentence a person can read. */
export interface SectionChange {
  /** `interface GigabitEthernet0/1`, `interfaces ge-0/0/0`, `/ip address`, `global`. */
  section: string;
  path: string[];
  status: 'added' | 'removed' | 'changed';
  /** Lines only in the newer configuration (nested lines carry their headers). */
  added: string[];
  /** Lines only in the older configuration. */
  removed: string[];
  /** `description changed`, `neighbor 10.0.0.2 added`, `2 lines added, 1 removed`. */
  changes: string[];
  /** `interface GigabitEthernet0/1: description changed`. */
  summary: string;
}

export interface SectionDiffOptions {
  /** Lines to leave out of the comparison (the archive passes its ignore rules). */
  ignoreLine?: (line: string) => boolean;
}

/**
 * The changes between two configurations grouped by section, in the order the sections appear
 * (removed sections last). The platform chooses the syntax: indentation for Cisco-like CLIs,
 * braces for Junos, menus for RouterOS, `#` blocks for VRP, single lines for anything else.
 */
export function diffSections(before: string, after: string, platform: string, options: SectionDiffOptions = {}): SectionChange[] {
  const syntax = sectionSyntaxFor(platform);
  const keep = (text: string) => (options.ignoreLine ? text.split('\n').filter((line) => !options.ignoreLine?.(line)).join('\n') : text);
  const old = byName(syntax.parse(keep(before)));
  const now = byName(syntax.parse(keep(after)));
  const names = [...now.keys(), ...[...old.keys()].filter((name) => !now.has(name))];

  const changes: SectionChange[] = [];
  for (const name of names) {
    const was = old.get(name);
    const is = now.get(name);
    const blockAppears = !was && is?.kind === 'block';
    const blockGoes = was?.kind === 'block' && !is;
    const { added, removed } = lineChanges(was?.lines ?? [], is?.lines ?? []);
    if (!blockAppears && !blockGoes && added.length === 0 && removed.length === 0) continue;
    const status = blockAppears ? 'added' : blockGoes ? 'removed' : 'changed';
    const phrases =
      status === 'changed' ? describeLineChanges(removed, added, [...(was?.lines ?? []), ...(is?.lines ?? [])], syntax) : [status];
    const section = (is ?? was) as ConfigSection;
    changes.push({ section: name, path: section.path, status, added, removed, changes: phrases, summary: `${name}: ${phrases.join(', ')}` });
  }
  return changes;
}

/** A one-line account of a change for version lists: the first sections, then how many more. */
export function summariseSectionChanges(changes: readonly SectionChange[], shown = 3): string {
  if (changes.length === 0) return 'no significant change';
  const first = changes.slice(0, shown).map((change) => change.summary);
  const more = changes.length - shown;
  return more > 0 ? `${first.join('; ')}; ${more} more ${more === 1 ? 'section' : 'sections'}` : first.join('; ');
}

function byName(sections: readonly ConfigSection[]): Map<string, ConfigSection> {
  return new Map(sections.map((section) => [section.name, section]));
}

function lineChanges(before: string[], after: string[]): { added: string[]; removed: string[] } {
  const added: string[] = [];
  const removed: string[] = [];
  for (const part of diffArrays(before, after)) {
    if (part.added) added.push(...part.value);
    else if (part.removed) removed.push(...part.value);
  }
  return { added, removed };
}
