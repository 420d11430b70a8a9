/**
 * A part of a configuration a person would name: `interface GigabitEthernet0/1`,
 * `interfaces ge-0/0/0`, `/ip address`. `settings` holds lines that stand alone
 * (`hostname r1`, `ip route …`), so a value change there still reads as one change.
 */
export interface ConfigSection {
  /** Headers from the top, e.g. `['interfaces', 'ge-0/0/0']`. */
  path: string[];
  /** How the section is shown: `interface GigabitEthernet0/1`. */
  name: string;
  kind: 'block' | 'settings';
  /** The section's lines, trimmed; lines of nested blocks carry their headers in front (`address-family ipv4 network …`). */
  lines: string[];
}

/** One syntax family's way to cut a configuration into sections and to name what a changed line sets. */
export interface SectionSyntax {
  readonly name: string;
  canHandle(platform: string): boolean;
  parse(text: string): ConfigSection[];
  /** What a line sets, so a removed and an added line with the same key read as one change. Default: `settingKey`. */
  settingKey?(line: string): string;
  /** The phrase for a setting whose line changed. Default: `<key> changed`. */
  changedPhrase?(removed: string, added: string, key: string): string;
}

export const SETTINGS_SECTION = 'global';

/** Sections in first-seen order, empty ones left out; a header that appears twice adds to the first. */
export class SectionCollector {
  private readonly byName = new Map<string, ConfigSection>();

  add(path: string[], kind: ConfigSection['kind'], line?: string): ConfigSection {
    const name = path.join(' ');
    let section = this.byName.get(name);
    if (!section) {
      section = { path, name, kind, lines: [] };
      this.byName.set(name, section);
    }
    if (line !== undefined && line !== '') section.lines.push(line);
    return section;
  }

  sections(): ConfigSection[] {
    return [...this.byName.values()].filter((section) => section.lines.length > 0);
  }
}
