import { linesOf } from '../../shared/text-lines';
import { type ConfigSection, SectionCollector, SETTINGS_SECTION } from './config-section';

/** How one indentation-based CLI marks what the engine needs to know. */
export interface IndentedDialect {
  /** A line that only separates blocks (`!`, `#`); at the left margin it also ends the block. */
  separator: RegExp;
  /** A line that ends the configuration (`end`, `return`). */
  terminator: RegExp;
  /** Lines inside a block that carry no setting (`exit-address-family`). */
  noise: RegExp;
  /** Multi-line text with a delimiter (`banner motd ^C … ^C`). */
  banner?: RegExp;
}

interface Line {
  indent: number;
  text: string;
}

/**
 * Cuts an indentation-based configuration into sections: a line at the left margin with
 * indented lines under it is a block; its children, at any depth, are the block's lines,
 * each prefixed by the headers between it and the block (`address-family ipv4 network …`).
 * Left-margin lines without children are settings.
 */
export function parseIndentedBlocks(text: string, dialect: IndentedDialect): ConfigSection[] {
  const lines: Line[] = linesOf(text)
    .filter((raw) => raw.trim() !== '')
    .map((raw) => ({ indent: raw.length - raw.trimStart().length, text: raw.trim() }));
  const collector = new SectionCollector();
  let block: ConfigSection | undefined;
  let headers: Line[] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (dialect.separator.test(line.text)) {
      if (line.indent === 0) block = undefined;
      continue;
    }
    if (line.indent === 0 && dialect.terminator.test(line.text)) {
      block = undefined;
      continue;
    }
    const banner = line.indent === 0 ? dialect.banner?.exec(line.text) : null;
    if (banner) {
      const { body, next } = bannerBody(lines, i, line.text.slice(banner[0].length));
      collector.add([line.text.slice(0, banner[0].length).trim()], 'block').lines.push(...body);
      i = next;
      block = undefined;
      continue;
    }
    const deeper = nextIndent(lines, i, dialect) > line.indent;
    if (line.indent === 0) {
      headers = [];
      if (deeper) block = collector.add([line.text], 'block');
      else {
        block = undefined;
        collector.add([SETTINGS_SECTION], 'settings', line.text);
      }
      continue;
    }
    if (!block) {
      // Indented text outside any block (a wrapped line): keep it with the settings.
      collector.add([SETTINGS_SECTION], 'settings', line.text);
      continue;
    }
    while (headers.length > 0 && (headers[headers.length - 1] as Line).indent >= line.indent) headers.pop();
    if (dialect.noise.test(line.text)) continue;
    if (deeper) headers.push(line);
    else block.lines.push([...headers.map((header) => header.text), line.text].join(' '));
  }
  return collector.sections();
}

function nextIndent(lines: readonly Line[], index: number, dialect: IndentedDialect): number {
  for (let j = index + 1; j < lines.length; j++) {
    const line = lines[j] as Line;
    if (!dialect.separator.test(line.text)) return line.indent;
  }
  return -1;
}

/** The banner's text up to its closing delimiter, which is the first character (or `^C`) after the keyword. */
function bannerBody(lines: readonly Line[], start: number, rest: string): { body: string[]; next: number } {
  const trimmed = rest.trim();
  const delimiter = trimmed.startsWith('^') ? trimmed.slice(0, 2) : trimmed.slice(0, 1);
  if (delimiter === '') return { body: [], next: start };
  const firstText = trimmed.slice(delimiter.length);
  const closesHere = firstText.indexOf(delimiter);
  if (closesHere >= 0) return { body: [firstText.slice(0, closesHere)].filter((text) => text !== ''), next: start };
  const body = firstText === '' ? [] : [firstText];
  for (let j = start + 1; j < lines.length; j++) {
    const text = (lines[j] as Line).text;
    const closes = text.indexOf(delimiter);
    if (closes >= 0) {
      if (closes > 0) body.push(text.slice(0, closes));
      return { body, next: j };
    }
    body.push(text);
  }
  return { body, next: lines.length };
}
