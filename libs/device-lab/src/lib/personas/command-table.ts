import type { CommandResult, ShellContext } from '../persona';

/**
 * The commands of one persona as data, matched the way network CLIs match them: every
 * keyword may be shortened to any prefix at least as long as its required part, so
 * `sh[ow] run[ning-config]` accepts `sh run`, `show run` and `show running-config`.
 *
 * Syntax words: `kw[ord]` a keyword (the bracketed part is optional), `word` a keyword
 * typed in full, `<name>` one argument, `<name:int>` a number, `<name?>` an optional last
 * argument, `<name...>` the rest of the line (`<name...?>` when it may be empty).
 */

export type CommandArgs = Readonly<Record<string, string>>;

export interface CommandSpec {
  /** One or more syntaxes sharing the handler. */
  syntax: string | readonly string[];
  /** Modes the command exists in; all modes when absent. */
  modes?: readonly string[];
  /** `undefined` rejects the arguments: the caret goes under the last token. */
  run(args: CommandArgs, ctx: ShellContext): CommandResult | undefined;
}

/** An output modifier after `|`, e.g. `i[nclude] <pattern...>` or `no-more`. */
export interface OutputPipe {
  syntax: string;
  filter(lines: string[], args: CommandArgs): string[];
  /** Print without the pager whatever the session's paging says (`| no-more`). */
  unpaged?: boolean;
}

export type Dispatch =
  | { kind: 'ran'; result: CommandResult }
  /** `column` is the offset of the first token nothing accepts, in the command line. */
  | { kind: 'unknown'; column: number; token: string; tokenIndex: number }
  | { kind: 'incomplete'; column: number };

interface Token {
  text: string;
  start: number;
}

type Word =
  | { kind: 'keyword'; required: string; full: string }
  | { kind: 'param'; name: string; integer: boolean; optional: boolean }
  | { kind: 'rest'; name: string; optional: boolean };

type PatternMatch = { ok: true; args: Record<string, string> } | { ok: false; failAt: number; incomplete: boolean };

export function tokenize(line: string, offset = 0): Token[] {
  return [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: offset + (m.index ?? 0) }));
}

function parseSyntax(syntax: string): Word[] {
  return syntax.split(/\s+/).map((word): Word => {
    const arg = /^<([\w-]+)(:int)?(\.\.\.)?(\?)?>$/.exec(word);
    if (arg) {
      return arg[3]
        ? { kind: 'rest', name: arg[1], optional: Boolean(arg[4]) }
        : { kind: 'param', name: arg[1], integer: Boolean(arg[2]), optional: Boolean(arg[4]) };
    }
    const keyword = /^([^[\]]+)(?:\[([^[\]]+)\])?$/.exec(word);
    if (!keyword) throw new Error(`bad command syntax word "${word}" in "${syntax}"`);
    return { kind: 'keyword', required: keyword[1].toLowerCase(), full: (keyword[1] + (keyword[2] ?? '')).toLowerCase() };
  });
}

function matchWords(words: readonly Word[], tokens: readonly Token[], line: string): PatternMatch {
  const args: Record<string, string> = {};
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const token = tokens[i];
    if (!token) {
      if (word.kind !== 'keyword' && word.optional) continue;
      return { ok: false, failAt: tokens.length, incomplete: true };
    }
    if (word.kind === 'keyword') {
      const typed = token.text.toLowerCase();
      if (typed.length < word.required.length || !word.full.startsWith(typed)) return { ok: false, failAt: i, incomplete: false };
    } else if (word.kind === 'param') {
      if (word.integer && !/^\d+$/.test(token.text)) return { ok: false, failAt: i, incomplete: false };
      args[word.name] = token.text;
    } else {
      args[word.name] = line.slice(token.start - tokens[0].start).trim();
      return { ok: true, args };
    }
  }
  return tokens.length > words.length ? { ok: false, failAt: words.length, incomplete: false } : { ok: true, args };
}

interface CompiledEntry<T> {
  words: Word[];
  value: T;
}

/** The deepest match of `tokens` among `entries`: the first full match, else where matching stopped. */
function bestMatch<T>(entries: readonly CompiledEntry<T>[], tokens: readonly Token[], text: string):
  { value: T; args: Record<string, string> } | { failAt: number; incomplete: boolean } {
  let failAt = -1;
  let incomplete = false;
  for (const entry of entries) {
    const m = matchWords(entry.words, tokens, text);
    if (m.ok) return { value: entry.value, args: m.args };
    if (m.incomplete) incomplete = true;
    failAt = Math.max(failAt, m.failAt);
  }
  return { failAt: Math.max(failAt, 0), incomplete };
}

export class CommandTable {
  private readonly commands: CompiledEntry<CommandSpec>[];
  private readonly pipes: CompiledEntry<OutputPipe>[];

  constructor(commands: readonly CommandSpec[], pipes: readonly OutputPipe[] = []) {
    this.commands = commands.flatMap((spec) =>
      (typeof spec.syntax === 'string' ? [spec.syntax] : spec.syntax).map((s) => ({ words: parseSyntax(s), value: spec })),
    );
    this.pipes = pipes.map((pipe) => ({ words: parseSyntax(pipe.syntax), value: pipe }));
  }

  /** Matches and runs one command line (trimmed) in the context's mode, output pipes applied. */
  dispatch(line: string, ctx: ShellContext): Dispatch {
    const [command, ...pipeSegments] = this.splitPipes(line);
    const inMode = this.commands.filter((c) => !c.value.modes || c.value.modes.includes(ctx.mode));
    const commandTokens = tokenize(command.text, command.start);
    const found = bestMatch(inMode, commandTokens, command.text.trim());
    if (!('value' in found)) return this.failure(found, commandTokens, line.length);

    const pipes: { pipe: OutputPipe; args: Record<string, string> }[] = [];
    for (const segment of pipeSegments) {
      const tokens = tokenize(segment.text, segment.start);
      const pipe = bestMatch(this.pipes, tokens, segment.text.trim());
      if (!('value' in pipe)) return this.failure(pipe, tokens, line.length);
      pipes.push({ pipe: pipe.value, args: pipe.args });
    }

    const result = found.value.run(found.args, ctx);
    if (!result) {
      const last = commandTokens[commandTokens.length - 1];
      return { kind: 'unknown', column: last.start, token: last.text, tokenIndex: commandTokens.length - 1 };
    }
    if (pipes.length === 0) return { kind: 'ran', result };
    const lines = pipes.reduce((acc, { pipe, args }) => pipe.filter(acc, args), result.output.split('\n'));
    const unpaged = result.unpaged || pipes.some(({ pipe }) => pipe.unpaged);
    return { kind: 'ran', result: { ...result, output: lines.join('\n'), ...(unpaged ? { unpaged } : {}) } };
  }

  /** The result of a known command, `undefined` for anything the vendor would reject. */
  run(line: string, ctx: ShellContext): CommandResult | undefined {
    const dispatched = this.dispatch(line, ctx);
    return dispatched.kind === 'ran' ? dispatched.result : undefined;
  }

  private failure(found: { failAt: number; incomplete: boolean }, tokens: readonly Token[], lineLength: number): Dispatch {
    const token = tokens[found.failAt];
    if (!token) return { kind: 'incomplete', column: lineLength };
    return { kind: 'unknown', column: token.start, token: token.text, tokenIndex: found.failAt };
  }

  /**
   * Splits `cmd | pipe | pipe`. A `|` that does not start a known pipe belongs to the
   * previous pattern (`| include a|b` is one regular expression), as on the real CLIs.
   */
  private splitPipes(line: string): { text: string; start: number }[] {
    if (this.pipes.length === 0) return [{ text: line, start: 0 }];
    const segments: { text: string; start: number }[] = [];
    let start = 0;
    for (const part of line.split('|')) {
      const first = tokenize(part)[0]?.text.toLowerCase() ?? '';
      const startsPipe = this.pipes.some(({ words }) => words[0].kind === 'keyword' && first.length >= words[0].required.length && words[0].full.startsWith(first));
      if (segments.length > 1 && !startsPipe) segments[segments.length - 1].text += `|${part}`;
      else segments.push({ text: part, start });
      start += part.length + 1;
    }
    return segments;
  }
}

/** The line IOS-like CLIs print under the echoed command: spaces, then `^` under the bad token. */
export function caretLine(prompt: string, column: number): string {
  const promptWidth = prompt.split('\n').pop()?.length ?? 0;
  return `${' '.repeat(promptWidth + column)}^`;
}

/** How a CLI rejects a line: the message for the first bad token, whether a caret marks it. */
export interface CliErrors {
  /** `tokenIndex` 0 means the command word itself was not recognised. */
  invalid(tokenIndex: number, token: string): string;
  incomplete: string;
  caret: boolean;
}

/**
 * `run` and `unknownCommand` of a persona driven by a command table: unknown lines go back
 * to the engine as `undefined`, and `unknownCommand` puts the caret where matching stopped.
 */
export function tableDrivenCli(
  table: () => CommandTable,
  prompt: (ctx: ShellContext) => string,
  errors: CliErrors,
): { run(line: string, ctx: ShellContext): CommandResult | undefined; unknownCommand(line: string, ctx: ShellContext): string } {
  return {
    run(line, ctx) {
      const dispatched = table().dispatch(line, ctx);
      if (dispatched.kind === 'ran') return dispatched.result;
      return dispatched.kind === 'incomplete' ? { output: errors.incomplete } : undefined;
    },
    unknownCommand(line, ctx) {
      const dispatched = table().dispatch(line, ctx);
      const at = dispatched.kind === 'unknown' ? dispatched : { column: 0, tokenIndex: 0, token: tokenize(line)[0]?.text ?? line };
      const message = errors.invalid(at.tokenIndex, at.token);
      return `${errors.caret ? `${caretLine(prompt(ctx), at.column)}\n` : ''}${message}\n`;
    },
  };
}
