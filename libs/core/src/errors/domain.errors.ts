/**
 * Errors domain code throws without knowing HTTP; the global exception filter maps them
 * (NotFoundError → 404, ConflictError → 409, ValidationFailedError → 400). Messages are
 * shown to the caller as they are: say what to do, never include a secret.
 */
export abstract class DomainError extends Error {}

export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
}

export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
}

/** One field's problems, in the 400 body's `errors` list. `field` is a dotted path (`interfaces.0.name`). */
export interface FieldError {
  field: string;
  problems: string[];
}

export class ValidationFailedError extends DomainError {
  override readonly name = 'ValidationFailedError';

  constructor(
    readonly errors: FieldError[],
    message = `Invalid request: ${errors.map((e) => e.problems.join(', ')).join('; ')}`,
  ) {
    super(message);
  }

  /** The common case of one bad field. */
  static forField(field: string, problem: string): ValidationFailedError {
    return new ValidationFailedError([{ field, problems: [problem] }]);
  }
}
