import { describeApplied } from '../apply/apply-objects';
import type { DeployReport } from './deploy-objects';

export interface DeployReportFormat {
  /** List each created or configured object; off when they were already logged one by one. Default on. */
  listChanges?: boolean;
}

/** The summary a person reads after a deploy: what changed, what rolled out, where to call the API. */
export function formatDeployReport(report: DeployReport, format: DeployReportFormat = {}): string {
  const changes = format.listChanges === false ? [] : report.applied.filter((object) => object.outcome !== 'unchanged');
  const counts = { created: 0, configured: 0, unchanged: 0 };
  report.applied.forEach((object) => counts[object.outcome]++);
  const lines = [
    `${report.applied.length} objects: ${counts.created} created, ${counts.configured} configured, ${counts.unchanged} unchanged`,
    ...changes.map((object) => `  ${describeApplied(object)}`),
    ...report.rollouts.map((rollout) => `rolled out ${rollout.display}: ${rollout.status.message}`),
    ...report.endpoints.map((endpoint) => `API: ${endpoint.url}  (from ${endpoint.source})`),
  ];
  return lines.join('\n');
}
