import { ValidationFailedError } from '@netkeep/core';

export const SEARCH_PATTERN_MAX_LENGTH = 500;
/** `g` and `y` make `test` stateful; `d` and `v`… are of no use line by line. */
const ALLOWED_FLAGS = /^[imsu]*$/;

/** The pattern compiled once here, so a bad one fails with a clear message before any worker starts. */
export function validateSearchPattern(pattern: string, flags = ''): RegExp {
  if (typeof pattern !== 'string' || pattern.length === 0) throw ValidationFailedError.forField('pattern', 'pattern must be a non-empty regular expression');
  if (pattern.length > SEARCH_PATTERN_MAX_LENGTH) {
    throw ValidationFailedError.forField('pattern', `pattern must be at most ${SEARCH_PATTERN_MAX_LENGTH} characters`);
  }
  if (!ALLOWED_FLAGS.test(flags) || new Set(flags).size !== flags.length) {
    throw ValidationFailedError.forField('flags', 'flags may be any of i, m, s, u, each at most once');
  }
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    throw ValidationFailedError.forField('pattern', `pattern is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
}
