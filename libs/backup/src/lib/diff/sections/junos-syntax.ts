import { linesOf } from '../../shared/text-lines';
import { lineTokens } from '../setting-key';
import { type ConfigSection, type SectionSyntax, SectionCollector, SETTINGS_SECTION } from './config-section';

/** Junos (and VyOS, which borrowed the format): braces nest, `;` ends a statement. */
const BRACE_LIKE = new Set(['juniper_junos', 'vyos']);
/** Sections are the first two levels (`interfaces ge-0/0/0`, `protocols bgp`); deeper statements carry their path. */
const SECTION_DEPTH = 2;
const SET_COMMAND = /^(?:set|delete|deactivate|activate|protect) /;

interface Frame {
  header: string;
  children: number;
}

export const junosSyntax: SectionSyntax = {
  name: 'junos-braces',
  canHandle: (platform) => BRACE_LIKE.has(platform),
  parse: (text) => {
    const lines = linesOf(text)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const commands = lines.filter((line) => SET_COMMAND.test(line)).length;
    return commands * 2 > lines.length ? parseSetCommands(lines) : parseHierarchy(text);
  },
};

function parseHierarchy(text: string): ConfigSection[] {
  const collector = new SectionCollector();
  const stack: Frame[] = [];
  const place = (statement: string) => {
    if (stack.length > 0) (stack[stack.length - 1] as Frame).children++;
    if (stack.length === 0) {
      collector.add([SETTINGS_SECTION], 'settings', statement);
      return;
    }
    const headers = stack.map((frame) => frame.header);
    const depth = Math.min(stack.length, SECTION_DEPTH);
    collector.add(headers.slice(0, depth), 'block', [...headers.slice(depth), statement].join(' '));
  };

  for (const token of statements(text)) {
    if (token.kind === 'open') {
      if (stack.length > 0) (stack[stack.length - 1] as Frame).children++;
      stack.push({ header: token.text, children: 0 });
      if (stack.length <= SECTION_DEPTH) collector.add(stack.map((frame) => frame.header), 'block');
    } else if (token.kind === 'close') {
      const closed = stack.pop();
      // An empty block (`netconf { }`) is a setting of its parent.
      if (closed && closed.children === 0) {
        if (stack.length > 0) (stack[stack.length - 1] as Frame).children--;
        place(closed.header);
      }
    } else {
      place(token.text);
    }
  }
  return collector.sections();
}

interface Statement {
  kind: 'open' | 'close' | 'leaf';
  text: string;
}

/**
 * The statements of a brace-structured text, whatever its line breaks (a whole block may be
 * on one line): `{` opens, `}` closes, `;` ends a leaf. Quotes are respected. A comment that
 * starts a line (`## Last commit: …`) or an annotation (`/* … *\/`) is a statement of its own;
 * a comment after a statement on the same line (`## SECRET-DATA`) is dropped.
 */
function* statements(text: string): Generator<Statement> {
  let current = '';
  let quoted = false;
  let lineHasStatement = false;
  const flush = (kind: 'open' | 'leaf'): Statement | undefined => {
    const body = current.trim();
    current = '';
    if (kind === 'leaf' && body === '') return undefined;
    return { kind, text: body };
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      current += char;
      if (char === '\\' && i + 1 < text.length) current += text[++i];
      else if (char === '"') quoted = false;
      continue;
    }
    if (char === '"') {
      quoted = true;
      current += char;
    } else if (char === '\n') {
      // Junos ends every statement with ; { or }: text left at a line break is a statement on its own.
      const leaf = flush('leaf');
      if (leaf) yield leaf;
      lineHasStatement = false;
    } else if (char === '#' && current.trim() === '') {
      const endOfLine = text.indexOf('\n', i);
      const comment = text.slice(i, endOfLine < 0 ? text.length : endOfLine).trim();
      if (!lineHasStatement) yield { kind: 'leaf', text: comment };
      i = (endOfLine < 0 ? text.length : endOfLine) - 1;
    } else if (char === '/' && text[i + 1] === '*' && current.trim() === '') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      yield { kind: 'leaf', text: text.slice(i, end).replace(/\s+/g, ' ') };
      i = end - 1;
      lineHasStatement = true;
    } else if (char === '}') {
      // Text before a closing brace without its semicolon is still a leaf.
      const leaf = flush('leaf');
      if (leaf) yield leaf;
      yield { kind: 'close', text: '' };
      lineHasStatement = true;
    } else if (char === '{' || char === ';') {
      const statement = flush(char === '{' ? 'open' : 'leaf');
      if (statement) yield statement;
      lineHasStatement = true;
    } else {
      current += char;
    }
  }
  const last = flush('leaf');
  if (last) yield last;
}

/** `set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24` → section `interfaces ge-0/0/0`, line `unit 0 …`. */
function parseSetCommands(lines: readonly string[]): ConfigSection[] {
  const collector = new SectionCollector();
  for (const line of lines) {
    const tokens = lineTokens(line);
    if (!SET_COMMAND.test(line) || tokens.length < 3) {
      collector.add([SETTINGS_SECTION], 'settings', line);
      continue;
    }
    const [verb, ...words] = tokens;
    const depth = words.length > 3 ? SECTION_DEPTH : 1;
    const statement = words.slice(depth).join(' ');
    collector.add(words.slice(0, depth), 'block', verb === 'set' ? statement : `${verb} ${statement}`);
  }
  return collector.sections();
}
