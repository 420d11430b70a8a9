import type { KubeconfigChange } from '../kubeconfig/merge-kubeconfig';
import type { NodeActionKind } from '../k3s/node-action';
import type { NodeRole } from '../plan/cluster-plan';
import type { PreflightFinding } from '../preflight/preflight-checks';
import type { CommandJournal } from '../remote/command-journal';
import type { StepTiming } from '../progress/run-timeline';
import type { NetkeepDeployOutcome } from './deploy-netkeep';
import type { NodeFailure } from './node-failure';

/** What `up` did (or would do) on one node. */
export interface NodeOutcome {
  node: string;
  role: NodeRole;
  address: string;
  /** The Kubernetes node name. */
  kubernetesName: string;
  action: NodeActionKind;
  reason: string;
  /** The K3S version installed before this run. */
  versionBefore?: string;
  ready?: boolean;
  kubeletVersion?: string;
  failed?: string;
}

export interface UpResult {
  dryRun: boolean;
  /** Every node already matched the plan and nothing had to change. */
  upToDate: boolean;
  nodes: NodeOutcome[];
  /** Where clients reach the API: the URL in the merged kubeconfig. */
  apiUrl: string;
  context: string;
  kubeconfigFile: string;
  kubeconfigChange?: KubeconfigChange;
  token: { source: string; generated: boolean };
  warnings: PreflightFinding[];
  deploy?: NetkeepDeployOutcome;
  failures: NodeFailure[];
  steps: StepTiming[];
  totalMs: number;
  journal: CommandJournal;
}
