import { type FieldError, ValidationFailedError } from '@netkeep/core';
import { hasNestedQuantifier } from '../shared/regex-safety';
import { canonicalPlatform } from '../shared/platform-name';

/**
 * `drop`: the line is removed before the configuration is stored (it never reaches git).
 * `ignore`: the line is stored, but a configuration that differs only in such lines is not a change.
 */
export type NoiseAction = 'drop' | 'ignore';

export const NOISE_ACTIONS: readonly NoiseAction[] = ['drop', 'ignore'];

/** A noise filter as data: per-platform defaults and operator rules share this shape. */
export interface NoiseRule {
  id?: string;
  /** Canonical platform name; `null` or absent: every platform. */
  platform?: string | null;
  /** Regular expression source, tested against each line on its own (anchor it with `^` to match from the start). */
  pattern: string;
  action: NoiseAction;
  description?: string | null;
}

export const NOISE_PATTERN_MAX_LENGTH = 300;
const DESCRIPTION_MAX_LENGTH = 500;

/**
 * The rule as it will be applied: platform canonical, pattern compiled once to prove it works.
 * Bad input throws ValidationFailedError naming the field and what to change.
 */
export function validateNoiseRule(rule: NoiseRule): NoiseRule {
  const errors: FieldError[] = [];
  const problem = (field: string, text: string) => errors.push({ field, problems: [text] });

  if (typeof rule.pattern !== 'string' || rule.pattern.length === 0) {
    problem('pattern', 'pattern must be a non-empty regular expression');
  } else if (rule.pattern.length > NOISE_PATTERN_MAX_LENGTH) {
    problem('pattern', `pattern must be at most ${NOISE_PATTERN_MAX_LENGTH} characters`);
  } else {
    const compileError = regexCompileError(rule.pattern);
    if (compileError) problem('pattern', `pattern is not a valid regular expression: ${compileError}`);
    else if (hasNestedQuantifier(rule.pattern)) {
      problem('pattern', 'pattern quantifies a group that already repeats (like (a+)+), which can take forever on some lines; rewrite it without the nested repetition');
    }
  }
  if (!NOISE_ACTIONS.includes(rule.action)) problem('action', `action must be one of ${NOISE_ACTIONS.join(', ')}`);
  if (rule.platform !== undefined && rule.platform !== null && (typeof rule.platform !== 'string' || rule.platform.trim() === '')) {
    problem('platform', 'platform must be a platform name, or null for every platform');
  }
  if (rule.description !== undefined && rule.description !== null && String(rule.description).length > DESCRIPTION_MAX_LENGTH) {
    problem('description', `description must be at most ${DESCRIPTION_MAX_LENGTH} characters`);
  }
  if (errors.length > 0) throw new ValidationFailedError(errors);

  return {
    ...(rule.id === undefined ? {} : { id: rule.id }),
    platform: rule.platform ? canonicalPlatform(rule.platform) : null,
    pattern: rule.pattern,
    action: rule.action,
    description: rule.description ?? null,
  };
}

function regexCompileError(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
