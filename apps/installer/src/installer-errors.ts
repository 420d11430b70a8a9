import { AirgapBundleError, ClusterTokenError, KubeconfigFileError, NodesFailedError, PlanValidationError, PreflightFailedError } from '@netkeep/installer';
import { CommanderError } from 'commander';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
/** The plan or the command line is wrong: nothing was attempted. */
export const EXIT_USAGE = 2;

export interface FailureReport {
  exitCode: number;
  /** For stderr; empty when commander already printed its own message. */
  text: string;
}

/** Every failure becomes a message an operator can act on; multi-line ones (plan issues, preflight) keep their lines. */
export function failureReport(error: unknown): FailureReport {
  if (error instanceof CommanderError) return { exitCode: error.exitCode === 0 ? EXIT_OK : EXIT_USAGE, text: '' };
  if (error instanceof PlanValidationError) return { exitCode: EXIT_USAGE, text: `installer: ${error.message}` };
  const known = [PreflightFailedError, NodesFailedError, AirgapBundleError, ClusterTokenError, KubeconfigFileError].some((type) => error instanceof type);
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT_FAILURE, text: `installer: ${known ? message : message.split('\n')[0]}` };
}
