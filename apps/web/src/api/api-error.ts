/** One field the API refused, with every reason (validation errors). */
export interface FieldProblem {
  field: string;
  problems: string[];
}

/** A failed call: the API's own message (written for a person to act on), its status, and field problems when it gave them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldProblems: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The token is missing, unknown, expired or revoked: the session is over. */
  get unauthorized(): boolean {
    return this.status === 401;
  }
}

/** Turns any error response into an ApiError, keeping the API's message when the body is its JSON error. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { message?: unknown; errors?: unknown };
    if (typeof body.message === 'string') {
      const problems = Array.isArray(body.errors) ? (body.errors as FieldProblem[]).filter((entry) => typeof entry?.field === 'string') : [];
      return new ApiError(response.status, body.message, problems);
    }
  } catch {
    // Not the API's JSON (a proxy's error page): say what happened instead.
  }
  return new ApiError(response.status, `The server answered ${response.status} ${response.statusText || ''}`.trim() + (text ? `: ${text.slice(0, 200)}` : ''));
}
