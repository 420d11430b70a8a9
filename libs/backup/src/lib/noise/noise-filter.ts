import { canonicalPlatform } from '../shared/platform-name';
import type { NoiseRule } from './noise-rule';
import { validateNoiseRule } from './noise-rule';

const COMPILED_LIMIT = 2_000;
/** Each pattern is validated and compiled once per process, however many stores use it. */
const compiled = new Map<string, RegExp>();

function compile(rule: NoiseRule): RegExp {
  let regex = compiled.get(rule.pattern);
  if (!regex) {
    validateNoiseRule(rule);
    regex = new RegExp(rule.pattern);
    if (compiled.size >= COMPILED_LIMIT) compiled.clear();
    compiled.set(rule.pattern, regex);
  }
  return regex;
}

/** The rules that apply to one platform, compiled: what to drop before storage and what to ignore when comparing. */
export class NoiseFilter {
  private constructor(
    private readonly drops: readonly RegExp[],
    private readonly ignores: readonly RegExp[],
  ) {}

  /** Rules without a platform apply to every platform; the others to their own. */
  static for(platform: string, rules: readonly NoiseRule[]): NoiseFilter {
    const wanted = canonicalPlatform(platform);
    const applicable = rules.filter((rule) => !rule.platform || canonicalPlatform(rule.platform) === wanted);
    return new NoiseFilter(
      applicable.filter((rule) => rule.action === 'drop').map(compile),
      applicable.filter((rule) => rule.action === 'ignore').map(compile),
    );
  }

  /** The text without dropped lines: what is stored. */
  drop(text: string): string {
    return this.drops.length === 0 ? text : withoutLines(text, this.drops);
  }

  /** The text without dropped or ignored lines: what decides whether the configuration changed. */
  significant(text: string): string {
    return withoutLines(text, [...this.drops, ...this.ignores]);
  }

  /**
   * `drop` and `significant` of one text, in one pass over its lines: each line is tested
   * against the drop rules once, and against the ignore rules only when it is stored.
   */
  filter(text: string): { stored: string; significant: string } {
    if (this.drops.length === 0 && this.ignores.length === 0) return { stored: text, significant: text };
    const lines = text.split('\n');
    const stored: string[] = [];
    const significant: string[] = [];
    lines.forEach((line, index) => {
      const finalBreak = index === lines.length - 1 && line === '';
      if (!finalBreak && matchesAny(line, this.drops)) return;
      stored.push(line);
      if (finalBreak || !matchesAny(line, this.ignores)) significant.push(line);
    });
    return { stored: stored.join('\n'), significant: significant.join('\n') };
  }

  isIgnored(line: string): boolean {
    return matchesAny(line, this.ignores) || matchesAny(line, this.drops);
  }
}

/** Removes dropped lines (the text to store). */
export function applyDropRules(text: string, platform: string, rules: readonly NoiseRule[]): string {
  return NoiseFilter.for(platform, rules).drop(text);
}

/** Removes dropped and ignored lines (the text whose hash decides whether anything changed). */
export function significantText(text: string, platform: string, rules: readonly NoiseRule[]): string {
  return NoiseFilter.for(platform, rules).significant(text);
}

function withoutLines(text: string, patterns: readonly RegExp[]): string {
  if (patterns.length === 0) return text;
  return text
    .split('\n')
    .filter((line, index, lines) => (index === lines.length - 1 && line === '') || !matchesAny(line, patterns))
    .join('\n');
}

function matchesAny(line: string, patterns: readonly RegExp[]): boolean {
  for (const pattern of patterns) if (pattern.test(line)) return true;
  return false;
}
