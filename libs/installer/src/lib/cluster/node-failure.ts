/** One node that could not be brought to the plan, and at which step. */
export interface NodeFailure {
  node: string;
  step: string;
  message: string;
}

/** Some nodes failed; the others were done. Running the command again resumes where it stopped. */
export class NodesFailedError extends Error {
  override readonly name = 'NodesFailedError';

  constructor(
    readonly failures: readonly NodeFailure[],
    headline: string,
  ) {
    super(`${headline}:\n${failures.map((failure) => `  ${failure.node} (${failure.step}): ${stripNodePrefix(failure)}`).join('\n')}`);
  }
}

export function nodeFailure(node: string, step: string, error: unknown): NodeFailure {
  return { node, step, message: error instanceof Error ? error.message : String(error) };
}

/** Messages from the SSH and command layers already start with the node's name. */
function stripNodePrefix(failure: NodeFailure): string {
  return failure.message.startsWith(`${failure.node}: `) ? failure.message.slice(failure.node.length + 2) : failure.message;
}
