/** Which part of reaching a node failed, so the message can say what to fix. */
export type SshFailurePhase = 'connect' | 'host-key' | 'auth' | 'lost';

/** Reaching or staying connected to a node failed; the message names the hop and the fix. */
export class SshConnectionError extends Error {
  override readonly name = 'SshConnectionError';

  constructor(
    readonly hop: string,
    readonly phase: SshFailurePhase,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${hop}: ${message}`, options);
  }
}

/** A remote command ran and failed (or ran too long); stdout and stderr are kept for the message. */
export class RemoteCommandError extends Error {
  override readonly name = 'RemoteCommandError';

  constructor(
    readonly node: string,
    readonly purpose: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    message?: string,
  ) {
    super(message ?? `${node}: ${purpose} failed (exit ${exitCode ?? 'signal'})${stderr.trim() ? `: ${lastLines(stderr)}` : ''}`);
  }
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ');
}
