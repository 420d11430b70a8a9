import { SessionError } from '@netkeep/ssh';
import { CommanderError } from 'commander';

/** The invocation itself is wrong or incomplete (exit 2): fix the command line or environment. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The operator pressed Ctrl-C at a prompt. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  constructor() {
    super('interrupted');
  }
}

/** A failure that is not a SessionError but still belongs to one device. */
export class DeviceFailure extends Error {
  override readonly name = 'DeviceFailure';
  constructor(
    readonly device: string,
    readonly address: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

export interface FailureReport {
  exitCode: number;
  /** One line for stderr, without the newline; empty when commander already printed its own. */
  line: string;
}

/** Every failure becomes one line naming device, phase and cause: an operator reads it, a script greps it. */
export function failureReport(error: unknown): FailureReport {
  if (error instanceof CommanderError) return { exitCode: error.exitCode === 0 ? EXIT_OK : EXIT_USAGE, line: '' };
  if (error instanceof UsageError) return { exitCode: EXIT_USAGE, line: `netkeep: ${oneLine(error.message)}` };
  if (error instanceof InterruptedError) return { exitCode: EXIT_INTERRUPTED, line: 'netkeep: interrupted' };
  if (error instanceof SessionError) {
    const cause = oneLine(error.message);
    return { exitCode: EXIT_FAILURE, line: `netkeep: ${error.device} (${error.address}): ${error.phase} failed: ${cause}` };
  }
  if (error instanceof DeviceFailure) {
    return { exitCode: EXIT_FAILURE, line: `netkeep: ${error.device} (${error.address}): failed: ${oneLine(error.message)}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_FAILURE, line: `netkeep: ${oneLine(message)}` };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
