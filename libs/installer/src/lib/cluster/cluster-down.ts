import { uninstallK3sNode, type UninstallOutcome } from '../k3s/uninstall-k3s-node';
import { removeFromKubeconfig, userKubeconfigFile } from '../kubeconfig/merge-kubeconfig';
import { firstServer, type ClusterPlan, type PlanNode } from '../plan/cluster-plan';
import { SILENT_PROGRESS, type ProgressSink } from '../progress/progress-sink';
import { RunTimeline, type StepTiming } from '../progress/run-timeline';
import { CommandJournal } from '../remote/command-journal';
import type { InstallerEnvironment } from './installer-environment';
import { NodesFailedError, nodeFailure, type NodeFailure } from './node-failure';
import { closeAll, connectNodes, requireShell, type NodeConnections } from './node-sessions';

export interface DownResult {
  dryRun: boolean;
  nodes: { node: string; role: PlanNode['role']; outcome: UninstallOutcome }[];
  /** The cluster's context was taken out of this kubeconfig. */
  kubeconfigCleaned?: string;
  steps: StepTiming[];
  totalMs: number;
  journal: CommandJournal;
}

/**
 * `installer down`: K3S's own uninstall scripts, agents first, then the servers that joined,
 * then the first server (k3sup Pro's order: nothing is left trying to reach a server that is
 * gone). Every node must answer first, so a cluster is never left half removed by surprise.
 * The cluster's entries leave the user's kubeconfig too.
 */
export async function clusterDown(options: {
  plan: ClusterPlan;
  environment: InstallerEnvironment;
  dryRun?: boolean;
  progress?: ProgressSink;
  journal?: CommandJournal;
}): Promise<DownResult> {
  const { plan, environment } = options;
  const dryRun = options.dryRun ?? false;
  const progress = options.progress ?? SILENT_PROGRESS;
  const journal = options.journal ?? new CommandJournal();
  const timeline = new RunTimeline();
  const connections = await timeline.step('connect', () => connectNodes(plan.nodes, environment, { journal, dryRun, progress }));
  try {
    if (connections.failures.length) {
      throw new NodesFailedError(connections.failures, `cannot reach ${connections.failures.length} node(s), nothing was removed (bring them back, or take them out of the plan)`);
    }
    const first = firstServer(plan);
    const waves: [string, PlanNode[]][] = [
      ['agents', plan.nodes.filter((node) => node.role === 'agent')],
      ['servers', plan.nodes.filter((node) => node.role === 'server' && node !== first)],
      ['first server', [first]],
    ];
    const outcomes = new Map<string, UninstallOutcome>();
    for (const [wave, nodes] of waves) {
      if (nodes.length === 0) continue;
      const failures = await timeline.step(`uninstall ${wave}`, () => uninstallWave(nodes, connections, progress, outcomes));
      if (failures.length) throw new NodesFailedError(failures, `uninstall failed on ${failures.length} node(s); run \`installer down\` again`);
    }
    const file = userKubeconfigFile(plan.kubeconfig, environment.env, environment.homeDir);
    const cleaned = await removeFromKubeconfig(file, plan.cluster.name, { write: !dryRun });
    return {
      dryRun,
      nodes: plan.nodes.map((node) => ({ node: node.name, role: node.role, outcome: outcomes.get(node.name) as UninstallOutcome })),
      ...(cleaned ? { kubeconfigCleaned: file } : {}),
      steps: timeline.steps,
      totalMs: timeline.totalMs,
      journal,
    };
  } finally {
    await closeAll(connections);
    progress.finish();
  }
}

async function uninstallWave(nodes: PlanNode[], connections: NodeConnections, progress: ProgressSink, outcomes: Map<string, UninstallOutcome>): Promise<NodeFailure[]> {
  const results = await Promise.all(
    nodes.map(async (node) => {
      progress.update({ node: node.name, step: 'uninstall', state: 'running' });
      try {
        const outcome = await uninstallK3sNode(requireShell(connections, node), node.role);
        outcomes.set(node.name, outcome);
        progress.update({ node: node.name, step: 'uninstall', state: outcome === 'uninstalled' ? 'done' : 'skipped', detail: outcome === 'uninstalled' ? undefined : 'K3S is not installed' });
        return undefined;
      } catch (error) {
        progress.update({ node: node.name, step: 'uninstall', state: 'failed', detail: (error as Error).message });
        return nodeFailure(node.name, 'uninstall', error);
      }
    }),
  );
  return results.filter((failure): failure is NodeFailure => Boolean(failure));
}
