/**
 * The API server answered with an error Status. The message is the server's own (it names the
 * field or the conflict) prefixed with what was being done, on one line.
 */
export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';

  constructor(
    readonly statusCode: number,
    /** The Status `reason`: NotFound, AlreadyExists, Conflict, Invalid, Forbidden, Unauthorized… */
    readonly reason: string,
    readonly serverMessage: string,
    action: string,
  ) {
    super(`${action}: ${serverMessage} (${statusCode} ${reason})`.replace(/\s*\n\s*/g, ' '));
  }
}

/** No answer at all: connection refused, TLS failure, DNS, timeout. */
export class KubeApiUnreachableError extends Error {
  override readonly name = 'KubeApiUnreachableError';

  constructor(server: string, cause: string) {
    super(`cannot reach the Kubernetes API at ${server}: ${cause}`.replace(/\s*\n\s*/g, ' '));
  }
}
