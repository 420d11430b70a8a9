import type { ClusterPlan, PlanNode } from '../plan/cluster-plan';
import { applyNodeAction } from '../k3s/install-k3s-node';
import type { RenderedK3sConfig } from '../k3s/k3s-config-file';
import { DEFAULT_SERVER_READY_TIMEOUT_MS, waitForServerReady } from '../k3s/k3s-server-files';
import type { NodeAction } from '../k3s/node-action';
import type { ProgressSink } from '../progress/progress-sink';
import type { NodeShell } from '../remote/node-shell';
import { nodeFailure, type NodeFailure } from './node-failure';

export interface JoiningNode {
  node: PlanNode;
  config: RenderedK3sConfig;
  action: NodeAction;
  shell: NodeShell;
  arch: string;
  plan: ClusterPlan;
  progress: ProgressSink;
  serverReadyTimeoutMs?: number;
}

/** Joins one node; a failure is answered, with the step it happened in, so the other nodes carry on. */
export async function joinNode(joining: JoiningNode): Promise<NodeFailure | undefined> {
  const { node, shell } = joining;
  let current = 'config.yaml';
  try {
    await onNode(joining.progress, node, joining.action, async (step) => {
      const track = (name: string) => {
        current = name;
        step(name);
      };
      await applyNodeAction({ shell, node, action: joining.action, config: joining.config, source: joining.plan.k3s, arch: joining.arch, onStep: track });
      if (node.role === 'server') {
        track('wait for the API');
        await waitForServerReady(shell, joining.serverReadyTimeoutMs ?? DEFAULT_SERVER_READY_TIMEOUT_MS);
      }
    });
    return undefined;
  } catch (error) {
    return nodeFailure(node.name, current, error);
  }
}

/** Progress for one node's K3S step: skipped when there is nothing to do, otherwise each sub-step as it starts. */
export async function onNode(progress: ProgressSink, node: PlanNode, action: NodeAction, work: (step: (name: string) => void) => Promise<void>): Promise<void> {
  if (action.kind === 'none') {
    progress.update({ node: node.name, step: 'k3s', state: 'skipped', detail: action.reason });
    return;
  }
  let current: string = action.kind;
  let first = true;
  const step = (name: string) => {
    current = name;
    // Why the node is being changed is said once, with its first step.
    progress.update({ node: node.name, step: name, state: 'running', ...(first ? { detail: `${action.kind}: ${action.reason}` } : {}) });
    first = false;
  };
  try {
    await work(step);
    progress.update({ node: node.name, step: 'k3s', state: 'done', detail: `${action.kind}: ${action.reason}` });
  } catch (error) {
    progress.update({ node: node.name, step: current, state: 'failed', detail: (error as Error).message });
    throw error;
  }
}
