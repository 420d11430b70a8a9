/**
 * RouterOS `/export` as data: sections (`/ip address`) of items (`add …`, `set …`) whose
 * parameters may be sensitive. Printing follows RouterOS 7: parameters sorted by name,
 * values quoted when needed, long items wrapped with ` \` unless `terse`, and sensitive
 * values left out unless `show-sensitive`.
 */

export interface ExportParam {
  name: string;
  value: string;
  sensitive?: boolean;
}

export interface ExportItem {
  /** `add`, `set`, or `set [ find default-name=ether1 ]`. */
  command: string;
  params: ExportParam[];
  /** Bare flags printed before the parameters (`add blackhole …`). */
  flags?: string[];
}

export interface ExportSection {
  path: string;
  items: ExportItem[];
}

export interface ExportOptions {
  showSensitive: boolean;
  terse: boolean;
}

/** Where RouterOS wraps export lines (the continuation takes ` \`). */
const WRAP_COLUMN = 80;

export const param = (name: string, value: string | number, sensitive = false): ExportParam => ({ name, value: String(value), sensitive });

export function quoteRouterOs(value: string): string {
  if (value !== '' && /^[\w.:/@*,-]+$/.test(value)) return value;
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/** Sub-properties like `.as` sort with their parent `remote.address`, as RouterOS prints them. */
const sortKey = (name: string): string => (name.startsWith('.') ? `remote.~${name}` : name);

function itemWords(item: ExportItem, options: ExportOptions): string[] {
  const params = item.params
    .filter((p) => options.showSensitive || !p.sensitive)
    .sort((a, b) => (sortKey(a.name) < sortKey(b.name) ? -1 : sortKey(a.name) > sortKey(b.name) ? 1 : 0))
    .map((p) => `${p.name}=${quoteRouterOs(p.value)}`);
  return [item.command, ...(item.flags ?? []), ...params];
}

function wrap(words: string[]): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && current.trim() !== '' && candidate.length + 2 > WRAP_COLUMN) {
      lines.push(`${current} \\`);
      current = `    ${word}`;
    } else {
      current = candidate;
    }
  }
  return [...lines, current];
}

export function renderExport(sections: readonly ExportSection[], options: ExportOptions): string[] {
  return sections.flatMap((section) =>
    options.terse
      ? section.items.map((item) => `${section.path} ${itemWords(item, options).join(' ')}`)
      : [section.path, ...section.items.flatMap((item) => wrap(itemWords(item, options)))],
  );
}

/** Every sensitive value (unquoted) of a `show-sensitive` export. */
export function sensitiveValues(sections: readonly ExportSection[]): string[] {
  return sections.flatMap((s) => s.items.flatMap((i) => i.params.filter((p) => p.sensitive).map((p) => p.value)));
}
