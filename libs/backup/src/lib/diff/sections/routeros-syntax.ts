import { linesOf } from '../../shared/text-lines';
import { type ConfigSection, type SectionSyntax, SectionCollector, SETTINGS_SECTION } from './config-section';

const VERB = /^(?:add|set|remove|enable|disable|move|unset)$/;
/** Attributes that say which item a line is about, most telling first. */
const IDENTITY_ATTRIBUTES = ['name', 'address', 'dst-address', 'comment'] as const;

/**
 * MikroTik RouterOS `/export`: `/ip address` opens a menu, the `add …` / `set …` lines under it
 * are its items; a line ending in `\` continues on the next. Terse exports
 * (`/ip address add address=…`) put the menu on every line.
 */
export const routerOsSyntax: SectionSyntax = {
  name: 'routeros-menus',
  canHandle: (platform) => platform === 'mikrotik_routeros',
  parse: parseExport,
  settingKey: (line) => itemIdentity(parseItem(line)) ?? line.trim(),
  changedPhrase: (removed, added, key) => {
    const before = parseItem(removed).attributes;
    const after = parseItem(added).attributes;
    const names = [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name));
    return names.length === 0 ? `${key} changed` : `${key}: ${names.join(', ')} changed`;
  },
};

function parseExport(text: string): ConfigSection[] {
  const collector = new SectionCollector();
  let menu: string | undefined;
  for (const line of joinContinuations(linesOf(text))) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      collector.add([SETTINGS_SECTION], 'settings', line);
      continue;
    }
    if (line.startsWith('/')) {
      const words = line.split(/\s+/);
      const verbAt = words.findIndex((word) => VERB.test(word));
      if (verbAt > 0) {
        collector.add([words.slice(0, verbAt).join(' ')], 'block', words.slice(verbAt).join(' '));
      } else {
        menu = line;
        collector.add([menu], 'block');
      }
      continue;
    }
    if (menu) collector.add([menu], 'block', line);
    else collector.add([SETTINGS_SECTION], 'settings', line);
  }
  return collector.sections();
}

function joinContinuations(lines: readonly string[]): string[] {
  const joined: string[] = [];
  let pending = '';
  for (const raw of lines) {
    const line = pending === '' ? raw.trim() : `${pending}${raw.trim()}`;
    if (line.endsWith('\\')) pending = `${line.slice(0, -1).trimEnd()} `;
    else {
      joined.push(line);
      pending = '';
    }
  }
  if (pending !== '') joined.push(pending.trim());
  return joined;
}

interface RouterOsItem {
  verb: string;
  /** `default-name=ether1` from `set [ find default-name=ether1 ]`. */
  find: string | undefined;
  attributes: Map<string, string>;
}

function parseItem(line: string): RouterOsItem {
  const findMatch = /\[\s*find\s+([^\]]*?)\s*\]/.exec(line);
  const rest = findMatch ? line.replace(findMatch[0], ' ') : line;
  const words = rest.trim().match(/[^\s=]+=(?:"(?:[^"\\]|\\.)*"|\S*)|\S+/g) ?? [];
  const attributes = new Map<string, string>();
  let verb = '';
  for (const word of words) {
    const equals = word.indexOf('=');
    if (equals > 0) attributes.set(word.slice(0, equals), word.slice(equals + 1));
    else if (verb === '') verb = word;
    else attributes.set(word, '');
  }
  return { verb, find: findMatch?.[1], attributes };
}

function itemIdentity(item: RouterOsItem): string | undefined {
  if (item.find) return item.find;
  for (const attribute of IDENTITY_ATTRIBUTES) {
    const value = item.attributes.get(attribute);
    if (value !== undefined && value !== '') return `${attribute}=${value}`;
  }
  // A menu's own settings (`/ip dns set servers=…`) are one item.
  return item.verb === 'set' ? 'settings' : undefined;
}
