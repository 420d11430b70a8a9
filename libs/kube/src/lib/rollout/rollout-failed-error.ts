import type { WorkloadRollout } from './workload-rollout';

/** Some workloads did not become ready; the message says which pod failed and why. */
export class RolloutFailedError extends Error {
  override readonly name = 'RolloutFailedError';

  constructor(
    readonly failed: WorkloadRollout[],
    timeoutMs: number,
  ) {
    super(describeFailures(failed, timeoutMs));
  }
}

function describeFailures(failed: WorkloadRollout[], timeoutMs: number): string {
  const lines = [`rollout failed for ${failed.length} workload${failed.length === 1 ? '' : 's'}:`];
  for (const rollout of failed) {
    const where = rollout.reference.namespace ? ` in ${rollout.reference.namespace}` : '';
    const why = rollout.timedOut ? `not ready after ${Math.round(timeoutMs / 1000)} s` : 'failed';
    lines.push(`${rollout.display}${where} ${why}: ${rollout.status.message}`);
    for (const pod of rollout.pods ?? []) {
      lines.push(`  pod ${pod.pod} (${pod.phase})`);
      pod.problems.forEach((problem) => lines.push(`    ${problem}`));
      pod.warnings.forEach((warning) => lines.push(`    event ${warning}`));
    }
  }
  return lines.join('\n');
}
