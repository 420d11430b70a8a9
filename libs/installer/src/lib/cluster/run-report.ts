import { formatFindings } from '../preflight/preflight-failed.error';
import type { CommandJournal, JournalEntry } from '../remote/command-journal';
import { formatDuration, type StepTiming } from '../progress/run-timeline';
import type { DownResult } from './cluster-down';
import type { ClusterStatus } from './cluster-status';
import type { UpResult } from './up-result';

/** The summary `up` prints: nodes, versions, the API URL and context, time per step and in total. */
export function formatUpSummary(result: UpResult): string {
  const lines: string[] = [];
  if (result.dryRun) lines.push('Dry run: nothing was changed.');
  if (result.upToDate) lines.push(`Nothing to do: cluster ${result.context} already matches the plan.`);
  if (result.warnings.length) lines.push('Warnings:', formatFindings(result.warnings));
  lines.push('', 'Nodes:');
  for (const node of result.nodes) {
    const version = node.kubeletVersion ?? node.versionBefore ?? '-';
    const ready = node.failed ? 'FAILED' : node.ready === undefined ? '' : node.ready ? 'Ready' : 'NotReady';
    const action = node.action === 'none' ? 'unchanged' : `${result.dryRun ? 'would ' : ''}${node.action} (${node.reason})`;
    lines.push(`  ${node.node.padEnd(14)} ${node.role.padEnd(6)} ${node.address.padEnd(16)} ${version.padEnd(16)} ${ready.padEnd(8)} ${action}`);
  }
  lines.push('', `API:        ${result.apiUrl}`);
  lines.push(`Kubeconfig: ${result.kubeconfigFile} (context ${result.context}${result.kubeconfigChange ? `, ${result.kubeconfigChange}` : ''})`);
  lines.push(`Token:      ${tokenLine(result)}`);
  if (result.deploy) lines.push('', 'netkeep:', ...result.deploy.report.split('\n').map((line) => `  ${line}`));
  lines.push('', formatSteps(result.steps, result.totalMs));
  return lines.join('\n');
}

function tokenLine(result: UpResult): string {
  const { generated, source } = result.token;
  if (!generated) return `from ${source}`;
  return result.dryRun ? `would be generated and stored in ${source}` : `generated and stored in ${source} (mode 0600)`;
}

export function formatSteps(steps: readonly StepTiming[], totalMs: number): string {
  const width = Math.max(16, ...steps.map((step) => step.step.length));
  const rows = steps.map((step) => {
    const took = step.outcome === 'skipped' ? '-' : formatDuration(step.durationMs);
    const note = `${step.outcome === 'done' ? '' : `${step.outcome}: `}${step.detail ?? ''}`;
    return `  ${step.step.padEnd(width)} ${took.padStart(9)}  ${note}`.trimEnd();
  });
  return ['Steps:', ...rows, `  ${'total'.padEnd(width)} ${formatDuration(totalMs).padStart(9)}`].join('\n');
}

export function formatStatus(status: ClusterStatus): string {
  const lines = ['NODE           ROLE   ADDRESS          REACHABLE  K3S              SERVICE   READY'];
  for (const node of status.nodes) {
    const service = node.serviceActive === undefined ? '-' : node.serviceActive ? 'active' : 'inactive';
    const ready = node.ready === undefined ? '-' : node.ready ? 'Ready' : 'NotReady';
    lines.push(`${node.node.padEnd(14)} ${node.role.padEnd(6)} ${node.address.padEnd(16)} ${(node.reachable ? 'yes' : 'no').padEnd(10)} ${(node.version ?? '-').padEnd(16)} ${service.padEnd(9)} ${ready}`);
    if (node.problem) lines.push(`  ${node.problem}`);
  }
  if (!status.apiAnswered) lines.push('', `API: not answering (${status.apiProblem})`);
  return lines.join('\n');
}

export function formatDownSummary(result: DownResult): string {
  const lines = result.dryRun ? ['Dry run: nothing was changed.'] : [];
  for (const node of result.nodes) {
    const outcome = node.outcome === 'uninstalled' ? (result.dryRun ? 'would uninstall' : 'uninstalled') : 'K3S was not installed';
    lines.push(`  ${node.node.padEnd(14)} ${node.role.padEnd(6)} ${outcome}`);
  }
  if (result.kubeconfigCleaned) lines.push(`Context removed from ${result.kubeconfigCleaned}${result.dryRun ? ' (would be)' : ''}`);
  lines.push('', formatSteps(result.steps, result.totalMs));
  return lines.join('\n');
}

/** Every command per node, in order: what ran (reads) and what ran or, in a dry run, would run (changes). */
export function formatJournal(journal: CommandJournal, nodes: readonly string[]): string {
  return nodes
    .map((node) => {
      const entries = journal.forNode(node);
      return [`${node}:`, ...entries.map(formatEntry)].join('\n');
    })
    .join('\n\n');
}

function formatEntry(entry: JournalEntry): string {
  const marker = entry.readOnly ? 'read ' : entry.executed ? 'ran  ' : 'would';
  const text = entry.text.split('\n').join('\n        ');
  const head = `  [${marker}] ${entry.purpose}\n      ${entry.kind === 'file' ? 'put ' : '$ '}${text}`;
  if (entry.content === undefined) return head;
  return `${head}\n${entry.content.trimEnd().split('\n').map((line) => `        | ${line}`).join('\n')}`;
}
