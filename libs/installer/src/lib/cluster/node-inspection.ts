import { isK3sInstalled, probeK3sInstallState, type K3sInstallState } from '../k3s/k3s-install-state';
import type { ClusterSettings } from '../plan/cluster-plan';
import { probeNodeFacts, type NodeFacts } from '../preflight/node-facts';
import { checkCluster, checkNode, k3sArch, type NodeCheckInput, type PreflightFinding } from '../preflight/preflight-checks';
import type { ProgressSink } from '../progress/progress-sink';
import type { ConnectedNode } from './node-sessions';

/** What one node is, and what K3S looks like on it. */
export interface NodeInspection {
  entry: ConnectedNode;
  facts: NodeFacts;
  state: K3sInstallState;
  /** K3S's name for the architecture, when it has a release for it. */
  arch: string;
}

export interface ClusterInspection {
  inspections: Map<string, NodeInspection>;
  findings: PreflightFinding[];
}

/**
 * Preflight on every node at once: the system facts, whether root can be had without a prompt,
 * what K3S is installed; then the checks on each node and across nodes. Nothing is changed.
 * `overrides` replaces probed facts per node: how tests present a node smaller than the machine.
 */
export async function inspectNodes(
  entries: readonly ConnectedNode[],
  cluster: ClusterSettings,
  options: { progress: ProgressSink; overrides?: Readonly<Record<string, Partial<NodeFacts>>> },
): Promise<ClusterInspection> {
  const inspections = new Map<string, NodeInspection>();
  const findings: PreflightFinding[] = [];
  await Promise.all(
    entries.map(async (entry) => {
      const { node, shell } = entry;
      options.progress.update({ node: node.name, step: 'preflight', state: 'running' });
      const facts = { ...(await probeNodeFacts(shell)), ...(options.overrides?.[node.name] ?? {}) };
      const rootProblem = entry.privilegeProblem ?? (await rootAccessProblem(entry));
      const state: K3sInstallState = rootProblem ? { installedRoles: [], activeRoles: [], serverTokenPresent: false } : await probeK3sInstallState(shell);
      if (rootProblem) findings.push({ node: node.name, check: 'sudo', severity: 'failure', problem: rootProblem, fix: sudoFix(entry) });
      inspections.set(node.name, { entry, facts, state, arch: k3sArch(facts.arch) ?? facts.arch });
    }),
  );
  const inputs: NodeCheckInput[] = entries.map((entry) => {
    const inspection = inspections.get(entry.node.name) as NodeInspection;
    return { node: entry.node, facts: inspection.facts, cluster, k3sInstalled: isK3sInstalled(inspection.state) };
  });
  findings.push(...inputs.flatMap(checkNode), ...checkCluster(inputs));
  // Probes finish in any order; reports read in the plan's.
  const order = entries.map((entry) => entry.node.name);
  findings.sort((a, b) => order.indexOf(a.node) - order.indexOf(b.node));
  for (const entry of entries) {
    const own = findings.filter((finding) => finding.node === entry.node.name);
    const failed = own.filter((finding) => finding.severity === 'failure');
    options.progress.update({
      node: entry.node.name,
      step: 'preflight',
      state: failed.length ? 'failed' : 'done',
      detail: failed.length ? failed.map((finding) => finding.check).join(', ') : own.length ? `${own.length} warning(s)` : describeNode(inspections.get(entry.node.name)),
    });
  }
  return { inspections, findings };
}

/** Runs `true` as root: sudo either lets the installer in without a prompt, or says why not. */
async function rootAccessProblem(entry: ConnectedNode): Promise<string | undefined> {
  try {
    await entry.shell.run({ purpose: 'check that root is available without a prompt', script: 'true', root: true, readOnly: true, timeoutMs: 30_000 });
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    return message.startsWith(`${entry.node.name}: `) ? message.slice(entry.node.name.length + 2) : message;
  }
}

function sudoFix(entry: ConnectedNode): string {
  return entry.node.sudo.passwordEnv
    ? `export ${entry.node.sudo.passwordEnv} with the sudo password of the node's user, or allow that user sudo without a password`
    : `allow the user sudo without a password (echo "<user> ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/netkeep), or set sudo.passwordEnv in the plan`;
}

function describeNode(inspection: NodeInspection | undefined): string {
  if (!inspection) return '';
  const { facts, state } = inspection;
  const k3s = state.version ? `k3s ${state.version}` : 'no k3s';
  return `${facts.osName}, ${facts.arch}, ${facts.cpuCount} CPU, ${facts.memoryMb} MB, ${k3s}`;
}
