import type { SectionSyntax } from './sections/config-section';
import { isNegationOf, lineTokens, objectKey, settingKey } from './setting-key';

/** More phrases than this read worse than a count. */
const MAX_PHRASES = 4;
const LINE_SHOWN_MAX = 60;
/** First words of ordered-list entries (ACLs, prefix lists, RouterOS items): their changes are counted, not named. */
const LIST_ENTRY = /^(?:permit|deny|remark|rule|seq|sequence|add|\d+)$/i;

/**
 * What changed inside one section, as short phrases: `description changed`,
 * `neighbor 10.0.0.2 added`, `shutdown removed`, or `2 lines added, 1 removed` for lists
 * and for changes too scattered to name.
 */
export function describeLineChanges(
  removed: readonly string[],
  added: readonly string[],
  sectionLines: readonly string[],
  syntax: Pick<SectionSyntax, 'settingKey' | 'changedPhrase'>,
): string[] {
  if (removed.length === 0 && added.length === 0) return [];
  // List entries are only paired when the syntax knows what identifies an entry (RouterOS items).
  const list = isList([...sectionLines, ...removed]);
  if (list && !syntax.settingKey) return [countPhrase(added.length, removed.length)];

  const keyOf = (line: string) => (syntax.settingKey ? syntax.settingKey(line) : settingKey(line));
  const phrases: string[] = [];
  const unpairedAdded = [...added];
  const unpairedRemoved: string[] = [];
  for (const line of removed) {
    const key = keyOf(line);
    const partner = unpairedAdded.findIndex((candidate) => keyOf(candidate) === key);
    if (partner < 0) {
      unpairedRemoved.push(line);
      continue;
    }
    const [replacement] = unpairedAdded.splice(partner, 1);
    phrases.push(changedPhrase(line, replacement ?? '', key, syntax));
  }
  if (list) {
    if (unpairedAdded.length + unpairedRemoved.length > 0) phrases.push(countPhrase(unpairedAdded.length, unpairedRemoved.length));
  } else {
    phrases.push(...groupedPhrases(unpairedAdded, unpairedRemoved, 'added'), ...groupedPhrases(unpairedRemoved, unpairedAdded, 'removed'));
  }

  const distinct = [...new Set(phrases)];
  return distinct.length > MAX_PHRASES ? [countPhrase(added.length, removed.length)] : distinct;
}

export function countPhrase(added: number, removed: number): string {
  const lines = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;
  if (added > 0 && removed > 0) return `${lines(added)} added, ${removed} removed`;
  if (added > 0) return `${lines(added)} added`;
  return `${lines(removed)} removed`;
}

function changedPhrase(removed: string, added: string, key: string, syntax: Pick<SectionSyntax, 'changedPhrase'>): string {
  if (syntax.changedPhrase) return syntax.changedPhrase(removed, added, key);
  if (isNegationOf(removed, added)) return `${shown(added)} (was ${shown(removed)})`;
  return `${key} changed`;
}

/** Lines of one object added together read as the object added (`neighbor 10.0.0.2 added`). */
function groupedPhrases(lines: readonly string[], opposite: readonly string[], verb: 'added' | 'removed'): string[] {
  const byObject = new Map<string, string[]>();
  const loose: string[] = [];
  const oppositeObjects = new Set(opposite.map(objectKey).filter((key) => key !== undefined));
  for (const line of lines) {
    const object = objectKey(line);
    if (object && !oppositeObjects.has(object)) byObject.set(object, [...(byObject.get(object) ?? []), line]);
    else loose.push(line);
  }
  const phrases: string[] = [];
  for (const [object, members] of byObject) {
    if (members.length > 1) phrases.push(`${object} ${verb}`);
    else loose.push(...members);
  }
  return [...phrases, ...loose.map((line) => `${shown(line)} ${verb}`)];
}

function isList(lines: readonly string[]): boolean {
  if (lines.length === 0) return false;
  const entries = lines.filter((line) => LIST_ENTRY.test(lineTokens(line)[0] ?? '')).length;
  return entries * 2 > lines.length;
}

function shown(line: string): string {
  const text = line.trim();
  return text.length > LINE_SHOWN_MAX ? `${text.slice(0, LINE_SHOWN_MAX - 1)}…` : text;
}
