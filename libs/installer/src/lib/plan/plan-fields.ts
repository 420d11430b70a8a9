import { isCollection, LineCounter, parseDocument, type Document } from 'yaml';
import type { PlanIssue } from './plan-validation-error';

export type FieldPath = readonly (string | number)[];

/** `['nodes', 1, 'ssh', 'port']` → `nodes[1].ssh.port`. */
export function formatFieldPath(path: FieldPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/**
 * Typed reads from a YAML document that never throw: a wrong field becomes an issue with its
 * path and line, and the read answers `undefined`, so one pass finds every mistake.
 */
export class PlanFields {
  readonly issues: PlanIssue[] = [];
  private readonly document: Document;
  private readonly lineCounter = new LineCounter();
  private readonly root: unknown;

  constructor(text: string) {
    this.document = parseDocument(text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true });
    for (const error of this.document.errors) {
      const line = this.lineCounter.linePos(error.pos[0]).line;
      this.issues.push({ path: '', line, message: `YAML syntax: ${error.message.split('\n')[0]}` });
    }
    this.root = this.document.errors.length ? undefined : this.document.toJS();
  }

  get parsed(): boolean {
    return this.document.errors.length === 0;
  }

  /** Plan-wide defaults are read once per node: their issues are reported once. */
  report(path: FieldPath, message: string): void {
    const formatted = formatFieldPath(path);
    if (this.issues.some((issue) => issue.path === formatted && issue.message === message)) return;
    this.issues.push({ path: formatted, message, line: this.lineOf(path) });
  }

  value(path: FieldPath): unknown {
    let current: unknown = this.root;
    for (const part of path) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string | number, unknown>)[part];
    }
    return current;
  }

  has(path: FieldPath): boolean {
    const value = this.value(path);
    return value !== undefined && value !== null;
  }

  /** A mapping whose keys must all be in `knownKeys` (typos are the commonest plan mistake). */
  object(path: FieldPath, knownKeys: readonly string[], options: { required?: boolean } = {}): Record<string, unknown> | undefined {
    const value = this.value(path);
    if (value === undefined || value === null) {
      if (options.required) this.report(path, 'is required');
      return undefined;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.report(path, `must be a mapping (key: value lines), not ${describe(value)}`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!knownKeys.includes(key)) {
        const suggestion = closest(key, knownKeys);
        this.report([...path, key], `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; known: ${knownKeys.join(', ')}`);
      }
    }
    return value as Record<string, unknown>;
  }

  string(path: FieldPath, options: { required?: boolean; pattern?: RegExp; patternHint?: string; oneOf?: readonly string[] } = {}): string | undefined {
    const value = this.value(path);
    if (value === undefined || value === null) {
      if (options.required) this.report(path, 'is required');
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.report(path, `must be a non-empty string, not ${describe(value)}`);
      return undefined;
    }
    if (options.oneOf && !options.oneOf.includes(value)) {
      this.report(path, `must be one of ${options.oneOf.map((choice) => `"${choice}"`).join(', ')}, not "${value}"`);
      return undefined;
    }
    if (options.pattern && !options.pattern.test(value)) {
      this.report(path, `"${value}" ${options.patternHint ?? `does not match ${options.pattern}`}`);
      return undefined;
    }
    return value;
  }

  integer(path: FieldPath, range: { min: number; max: number }): number | undefined {
    const value = this.value(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
      this.report(path, `must be a whole number from ${range.min} to ${range.max}, not ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  boolean(path: FieldPath): boolean | undefined {
    const value = this.value(path);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') {
      this.report(path, `must be true or false, not ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  stringList(path: FieldPath, options: { pattern?: RegExp; patternHint?: string } = {}): string[] {
    const value = this.value(path);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.report(path, `must be a list (lines starting with "- "), not ${describe(value)}`);
      return [];
    }
    return value.flatMap((_, index) => {
      const item = this.string([...path, index], { pattern: options.pattern, patternHint: options.patternHint });
      return item === undefined ? [] : [item];
    });
  }

  list(path: FieldPath, options: { required?: boolean } = {}): unknown[] {
    const value = this.value(path);
    if (value === undefined || value === null) {
      if (options.required) this.report(path, 'is required');
      return [];
    }
    if (!Array.isArray(value)) {
      this.report(path, `must be a list (lines starting with "- "), not ${describe(value)}`);
      return [];
    }
    return value;
  }

  /** `key: value` pairs of strings (node labels). */
  stringMap(path: FieldPath): Record<string, string> {
    const value = this.value(path);
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.report(path, `must be a mapping of names to values, not ${describe(value)}`);
      return {};
    }
    const entries = Object.entries(value).flatMap(([key, item]) => {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return [[key, String(item)] as const];
      this.report([...path, key], `must be a string, not ${describe(item)}`);
      return [];
    });
    return Object.fromEntries(entries);
  }

  /** A mapping passed through as it is (extra K3S config keys). */
  freeMap(path: FieldPath): Record<string, unknown> {
    const value = this.value(path);
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.report(path, `must be a mapping of K3S config keys to values, not ${describe(value)}`);
      return {};
    }
    return value as Record<string, unknown>;
  }

  /** The line of the field, or of its closest parent that exists. */
  private lineOf(path: FieldPath): number | undefined {
    for (let length = path.length; length >= 0; length--) {
      const node = this.document.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
      const key = length > 0 && length === path.length ? this.keyNode(path) : undefined;
      const range = key?.range ?? node?.range;
      if (range) return this.lineCounter.linePos(range[0]).line;
    }
    return undefined;
  }

  /** For an unknown key the key's own line reads better than its value's. */
  private keyNode(path: FieldPath): { range?: [number, number, number] } | undefined {
    const parent = this.document.getIn(path.slice(0, -1), true);
    if (!isCollection(parent)) return undefined;
    const pair = (parent.items as { key?: { value?: unknown; range?: [number, number, number] } }[]).find((item) => item.key?.value === path[path.length - 1]);
    return pair?.key;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

/** The known key within two edits of `key`, if any. */
function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}
