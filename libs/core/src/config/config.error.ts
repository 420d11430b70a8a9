/** One variable's problem, worded for the person who set it. */
export interface ConfigProblem {
  variable: string;
  problem: string;
}

/** Start-up configuration is invalid: the message names every bad variable and why, on one line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly variable: string;

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((p) => p.problem).join('; '));
    this.variable = problems[0]?.variable ?? '';
  }
}
