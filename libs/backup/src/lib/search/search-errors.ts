import { ValidationFailedError } from '@netkeep/core';

/** The pattern ran past the time budget (JavaScript regexes cannot be interrupted, so the scan ran in a worker that was stopped). */
export class SearchTimeoutError extends ValidationFailedError {
  constructor(readonly timeoutMs: number) {
    const seconds = Number((timeoutMs / 1000).toFixed(1));
    const message = `search took longer than ${seconds}s; narrow the pattern`;
    super([{ field: 'pattern', problems: [message] }], message);
  }
}
