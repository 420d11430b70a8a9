/** One thing wrong with a plan: where (`nodes[1].ssh.port`, and the line) and what to write instead. */
export interface PlanIssue {
  path: string;
  message: string;
  line?: number;
}

/** The plan cannot be used; every issue is listed at once so one edit fixes them all. */
export class PlanValidationError extends Error {
  override readonly name = 'PlanValidationError';

  constructor(
    readonly file: string,
    readonly issues: readonly PlanIssue[],
  ) {
    super(`${file} is not a valid cluster plan:\n${issues.map(formatPlanIssue).join('\n')}`);
  }
}

export function formatPlanIssue(issue: PlanIssue): string {
  const where = issue.path ? `${issue.path}${issue.line ? ` (line ${issue.line})` : ''}` : issue.line ? `line ${issue.line}` : 'plan';
  return `  ${where}: ${issue.message}`;
}
