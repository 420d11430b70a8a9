import type { PreflightFinding } from './preflight-checks';

/** Preflight found failures: nothing was changed; every failure of every node is in the message, each with its fix. */
export class PreflightFailedError extends Error {
  override readonly name = 'PreflightFailedError';

  constructor(readonly findings: readonly PreflightFinding[]) {
    const failures = findings.filter((finding) => finding.severity === 'failure');
    super(`preflight failed on ${new Set(failures.map((finding) => finding.node)).size} node(s), nothing was changed:\n${formatFindings(failures)}`);
  }
}

/** Findings grouped by node: `server-1:` then one indented line per finding with its fix. */
export function formatFindings(findings: readonly PreflightFinding[]): string {
  const nodes = [...new Set(findings.map((finding) => finding.node))];
  return nodes
    .map((node) => {
      const lines = findings
        .filter((finding) => finding.node === node)
        .map((finding) => `  ${finding.severity === 'failure' ? '✗' : '!'} ${finding.check}: ${finding.problem}\n      fix: ${finding.fix}`);
      return `${node}:\n${lines.join('\n')}`;
    })
    .join('\n');
}
