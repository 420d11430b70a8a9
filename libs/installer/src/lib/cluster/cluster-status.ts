import { probeK3sInstallState, type K3sInstallState } from '../k3s/k3s-install-state';
import { readK3sKubeconfig } from '../k3s/k3s-server-files';
import { adaptK3sKubeconfig, kubeconfigText, serverUrlOf, withServerUrl } from '../kubeconfig/k3s-kubeconfig';
import { firstServer, kubernetesNodeName, type ClusterPlan, type NodeRole } from '../plan/cluster-plan';
import { SILENT_PROGRESS, type ProgressSink } from '../progress/progress-sink';
import { CommandJournal } from '../remote/command-journal';
import { ApiTunnel } from './api-tunnel';
import type { InstallerEnvironment } from './installer-environment';
import { closeAll, connectNodes } from './node-sessions';
import { readNodeReadiness, type NodeReadiness } from './nodes-ready';

/** One node as `status` sees it. */
export interface NodeStatus {
  node: string;
  role: NodeRole;
  address: string;
  reachable: boolean;
  /** Why it is not reachable, or why its state could not be read. */
  problem?: string;
  kubernetesName?: string;
  version?: string;
  /** The node's K3S service (k3s or k3s-agent) is active. */
  serviceActive?: boolean;
  ready?: boolean;
}

export interface ClusterStatus {
  nodes: NodeStatus[];
  /** The API answered through the first server (node readiness comes from it). */
  apiAnswered: boolean;
  apiProblem?: string;
}

/** Read-only: which nodes answer, what K3S version each runs, whether its service is active, whether the API calls it Ready. */
export async function clusterStatus(options: { plan: ClusterPlan; environment: InstallerEnvironment; progress?: ProgressSink }): Promise<ClusterStatus> {
  const { plan } = options;
  const progress = options.progress ?? SILENT_PROGRESS;
  const connections = await connectNodes(plan.nodes, options.environment, { journal: new CommandJournal(), dryRun: true, progress });
  let tunnel: ApiTunnel | undefined;
  try {
    const statuses = await Promise.all(
      plan.nodes.map(async (node): Promise<NodeStatus> => {
        const base = { node: node.name, role: node.role, address: node.address };
        const entry = connections.connected.get(node.name);
        if (!entry) return { ...base, reachable: false, problem: connections.failures.find((failure) => failure.node === node.name)?.message ?? 'not connected' };
        try {
          const hostname = (await entry.shell.run({ purpose: 'read the hostname', script: 'hostname', root: false, readOnly: true })).stdout.trim();
          const state: K3sInstallState = await probeK3sInstallState(entry.shell);
          return {
            ...base,
            reachable: true,
            kubernetesName: kubernetesNodeName(node, hostname),
            ...(state.version ? { version: state.version } : {}),
            serviceActive: state.activeRoles.includes(node.role),
          };
        } catch (error) {
          return { ...base, reachable: true, problem: (error as Error).message };
        }
      }),
    );
    const first = firstServer(plan);
    const firstEntry = connections.connected.get(first.name);
    const firstStatus = statuses.find((status) => status.node === first.name);
    if (!firstEntry || !firstStatus?.serviceActive) {
      return { nodes: statuses, apiAnswered: false, apiProblem: `the first server ${first.name} is ${firstEntry ? 'not running K3S' : 'unreachable'}` };
    }
    let readiness: NodeReadiness[];
    try {
      const adapted = adaptK3sKubeconfig(await readK3sKubeconfig(firstEntry.shell), { name: plan.cluster.name, apiHost: plan.cluster.apiAddress, source: `${first.name}:/etc/rancher/k3s/k3s.yaml` });
      tunnel = await ApiTunnel.open(firstEntry.shell, plan.cluster.apiPort);
      readiness = await readNodeReadiness(kubeconfigText(withServerUrl(adapted, tunnel.url(serverUrlOf(adapted)))));
    } catch (error) {
      return { nodes: statuses, apiAnswered: false, apiProblem: (error as Error).message };
    }
    for (const status of statuses) {
      const node = readiness.find((entry) => entry.name === status.kubernetesName);
      status.ready = node?.ready ?? false;
    }
    return { nodes: statuses, apiAnswered: true };
  } finally {
    await tunnel?.close();
    await closeAll(connections);
    progress.finish();
  }
}
