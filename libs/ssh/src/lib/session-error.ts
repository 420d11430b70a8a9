/** Where a device session failed; every error names one, so an operator knows what to fix. */
export type SessionPhase = 'connect' | 'host-key' | 'auth' | 'prompt' | 'command' | 'closed';

export interface SessionErrorContext {
  device: string;
  address: string;
  phase: SessionPhase;
  cause?: unknown;
}

/** A device session failure: which device, at which address, in which phase, and why. */
export class SessionError extends Error {
  readonly device: string;
  readonly address: string;
  readonly phase: SessionPhase;

  constructor(message: string, context: SessionErrorContext) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = 'SessionError';
    this.device = context.device;
    this.address = context.address;
    this.phase = context.phase;
  }

  /** One line for logs and the CLI: `lab-ios-0001 (127.20.0.1:22): auth failed: ...`. */
  describe(): string {
    return `${this.device} (${this.address}): ${this.phase} failed: ${this.message}`;
  }
}

/** Key exchange found no algorithm both sides accept: the next crypto profile may succeed. */
export class KeyExchangeError extends SessionError {
  constructor(message: string, context: Omit<SessionErrorContext, 'phase'>) {
    super(message, { ...context, phase: 'connect' });
    this.name = 'KeyExchangeError';
  }
}

/** The device answered a command with one of its platform's failure strings. */
export class CommandFailedError extends SessionError {
  readonly command: string;
  readonly output: string;

  constructor(command: string, output: string, context: Omit<SessionErrorContext, 'phase'>) {
    const reason = output.split('\n').find((line) => line.trim() !== '' && !/^\s*\^\s*$/.test(line)) ?? '';
    super(`"${command}" was rejected: ${reason.trim()}`, { ...context, phase: 'command' });
    this.name = 'CommandFailedError';
    this.command = command;
    this.output = output;
  }
}
