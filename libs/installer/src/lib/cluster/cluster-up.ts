import { createHash } from 'node:crypto';
import { resolveClusterToken, type ClusterToken } from '../plan/cluster-token';
import { firstServer, kubernetesNodeName, type ClusterPlan, type PlanNode } from '../plan/cluster-plan';
import { fileSha256, readAirgapBundle } from '../k3s/airgap-bundle';
import { applyNodeAction } from '../k3s/install-k3s-node';
import { renderK3sConfig, type NodeSecrets } from '../k3s/k3s-config-file';
import { readJoinToken, readK3sKubeconfig, waitForServerReady, DEFAULT_SERVER_READY_TIMEOUT_MS } from '../k3s/k3s-server-files';
import { decideNodeAction, type NodeAction } from '../k3s/node-action';
import { adaptK3sKubeconfig, kubeconfigText, serverUrlOf, withServerUrl } from '../kubeconfig/k3s-kubeconfig';
import type { KubeconfigDocument } from '../kubeconfig/kubeconfig-document';
import { mergeIntoKubeconfig, userKubeconfigFile, type KubeconfigChange } from '../kubeconfig/merge-kubeconfig';
import type { NodeFacts } from '../preflight/node-facts';
import { PreflightFailedError } from '../preflight/preflight-failed.error';
import { SILENT_PROGRESS, type ProgressSink } from '../progress/progress-sink';
import { RunTimeline } from '../progress/run-timeline';
import { CommandJournal } from '../remote/command-journal';
import { ApiTunnel } from './api-tunnel';
import type { NetkeepDeployOutcome } from './deploy-netkeep';
import { netkeepSteps } from './netkeep-steps';
import { joinNode, onNode } from './node-k3s-step';
import type { InstallerEnvironment } from './installer-environment';
import { NodesFailedError, type NodeFailure } from './node-failure';
import { inspectNodes, type NodeInspection } from './node-inspection';
import { closeAll, connectNodes, type ConnectedNode } from './node-sessions';
import { waitForNodesReady } from './nodes-ready';
import type { NodeOutcome, UpResult } from './up-result';

export interface UpOptions {
  plan: ClusterPlan;
  environment: InstallerEnvironment;
  /** Connect and read, but change nothing: every command that would change a node is journaled, not run. */
  dryRun?: boolean;
  progress?: ProgressSink;
  journal?: CommandJournal;
  /** Replaces probed facts per node name (tests: a node smaller than the machine it runs on). */
  probedFactOverrides?: Readonly<Record<string, Partial<NodeFacts>>>;
  serverReadyTimeoutMs?: number;
  nodesReadyTimeoutMs?: number;
}

/** Written in place of the join token in a dry run, when the first server does not exist yet. */
export const DRY_RUN_JOIN_TOKEN = '<the first server\'s token, read after it is installed>';
const DEFAULT_NODES_READY_TIMEOUT_MS = 300_000;

/**
 * `installer up`: makes the cluster match the plan. Every node is connected and checked first
 * (nothing changes when preflight fails); the first server is installed and awaited; the other
 * nodes join in parallel; the kubeconfig is merged; every node must turn Ready; netkeep is
 * deployed if the plan says so. Each node is compared with the plan before anything is done to
 * it, so a second run on a healthy cluster changes nothing and a failed run resumes.
 */
export async function clusterUp(options: UpOptions): Promise<UpResult> {
  const { plan, environment } = options;
  const dryRun = options.dryRun ?? false;
  const journal = options.journal ?? new CommandJournal();
  const progress = options.progress ?? SILENT_PROGRESS;
  const timeline = new RunTimeline();
  const datastore = datastoreSecret(plan, environment.env);
  const kubeconfigFile = userKubeconfigFile(plan.kubeconfig, environment.env, environment.homeDir);
  const first = firstServer(plan);
  const outcomes = new Map<string, NodeOutcome>();
  const failures: NodeFailure[] = [];
  let tunnel: ApiTunnel | undefined;
  let kubeconfigChange: KubeconfigChange | undefined;
  let deploy: NetkeepDeployOutcome | undefined;
  let imagesPlaced = 0;
  let apiUrl = `https://${plan.cluster.apiAddress}:${plan.cluster.apiPort}`;
  let token: ClusterToken;

  const connections = await timeline.step('connect', () => connectNodes(plan.nodes, environment, { journal, dryRun, progress }));
  try {
    if (connections.failures.length) throw new NodesFailedError(connections.failures, `cannot reach ${connections.failures.length} node(s), nothing was changed`);
    const { inspections, findings } = await timeline.step('preflight', () =>
      inspectNodes(plan.nodes.map((node) => connections.connected.get(node.name) as ConnectedNode), plan.cluster, { progress, ...(options.probedFactOverrides ? { overrides: options.probedFactOverrides } : {}) }),
    );
    const warnings = findings.filter((finding) => finding.severity === 'warning');
    if (findings.some((finding) => finding.severity === 'failure')) throw new PreflightFailedError(findings);
    // Only now: a run that stops at preflight leaves nothing behind, not even a token file.
    token = await resolveClusterToken(plan.cluster, { env: environment.env, store: !dryRun });
    const secrets: NodeSecrets = { clusterToken: token.value, ...datastore };

    const inspectionOf = (node: PlanNode) => inspections.get(node.name) as NodeInspection;
    const desiredBinary = await airgapBinaryChecksums(plan, [...inspections.values()]);
    const decide = (node: PlanNode, nodeSecrets: NodeSecrets) => {
      const inspection = inspectionOf(node);
      const config = renderK3sConfig(plan, node, nodeSecrets);
      const action = decideNodeAction(node.name, inspection.state, {
        role: node.role,
        configSha256: sha256(config.text),
        ...(plan.k3s.version ? { version: plan.k3s.version } : {}),
        ...(desiredBinary.get(inspection.arch) ? { binarySha256: desiredBinary.get(inspection.arch) } : {}),
      });
      outcomes.set(node.name, outcomeOf(node, inspection, action));
      return { config, action };
    };

    const firstShell = inspectionOf(first).entry.shell;
    const firstPlan = decide(first, secrets);
    await timeline.step(
      'first server',
      () =>
        onNode(progress, first, firstPlan.action, async (step) => {
          await applyNodeAction({ shell: firstShell, node: first, action: firstPlan.action, config: firstPlan.config, source: plan.k3s, arch: inspectionOf(first).arch, onStep: step });
          step('wait for the API');
          await waitForServerReady(firstShell, options.serverReadyTimeoutMs ?? DEFAULT_SERVER_READY_TIMEOUT_MS);
        }),
      () => describeAction(firstPlan.action),
    );

    const firstExists = !dryRun || firstPlan.action.kind === 'none';
    const joinToken = firstExists ? await readJoinToken(firstShell) : DRY_RUN_JOIN_TOKEN;
    const joiners = plan.nodes.filter((node) => node !== first).map((node) => ({ node, ...decide(node, { ...secrets, joinToken }) }));
    const joining = joiners.filter((joiner) => joiner.action.kind !== 'none');
    joiners.filter((joiner) => joiner.action.kind === 'none').forEach((joiner) => progress.update({ node: joiner.node.name, step: 'k3s', state: 'skipped', detail: joiner.action.reason }));
    const joinStep = async () => {
      const results = await Promise.all(
        joining.map((joiner) => joinNode({ ...joiner, shell: inspectionOf(joiner.node).entry.shell, arch: inspectionOf(joiner.node).arch, plan, progress, serverReadyTimeoutMs: options.serverReadyTimeoutMs })),
      );
      for (const failure of results) {
        if (!failure) continue;
        failures.push(failure);
        (outcomes.get(failure.node) as NodeOutcome).failed = failure.message;
      }
    };
    if (joiners.length === 0) timeline.skip('join', 'single-node cluster');
    else if (joining.length === 0) timeline.skip('join', 'every node already matches the plan');
    else await timeline.step('join', joinStep, () => `${joining.length} node(s)${failures.length ? `, ${failures.length} failed` : ''}`);

    let clusterKubeconfig: KubeconfigDocument | undefined;
    if (firstExists) {
      clusterKubeconfig = await timeline.step(
        'kubeconfig',
        async () => {
          const text = await readK3sKubeconfig(firstShell);
          const adapted = adaptK3sKubeconfig(text, { name: plan.cluster.name, apiHost: plan.cluster.apiAddress, source: `${first.name}:/etc/rancher/k3s/k3s.yaml` });
          kubeconfigChange = await mergeIntoKubeconfig(kubeconfigFile, adapted, { setCurrentContext: plan.kubeconfig.setCurrentContext, write: !dryRun });
          apiUrl = serverUrlOf(adapted);
          return adapted;
        },
        () => `${kubeconfigChange} ${kubeconfigFile} (context ${plan.cluster.name})`,
      );
    } else {
      timeline.skip('kubeconfig', 'dry run: the first server does not exist yet');
    }

    let installerKubeconfig: string | undefined;
    if (!dryRun && clusterKubeconfig) {
      tunnel = await ApiTunnel.open(firstShell, plan.cluster.apiPort);
      installerKubeconfig = kubeconfigText(withServerUrl(clusterKubeconfig, tunnel.url(serverUrlOf(clusterKubeconfig))));
      const healthy = plan.nodes.filter((node) => !outcomes.get(node.name)?.failed);
      const expected = new Map(healthy.map((node) => [outcomes.get(node.name)?.kubernetesName as string, node.name]));
      const kubeconfig = installerKubeconfig;
      await timeline.step(
        'nodes ready',
        async () => {
          progress.update({ step: 'nodes ready', state: 'running', detail: `${expected.size} node(s)` });
          const readiness = await waitForNodesReady(kubeconfig, [...expected.keys()], {
            timeoutMs: options.nodesReadyTimeoutMs ?? DEFAULT_NODES_READY_TIMEOUT_MS,
            onChange: (nodes) => progress.update({ step: 'nodes ready', state: 'running', detail: `${nodes.filter((node) => node.ready).length}/${nodes.length} Ready` }),
          });
          for (const entry of readiness) {
            const outcome = outcomes.get(expected.get(entry.name) as string);
            if (outcome) Object.assign(outcome, { ready: entry.ready, ...(entry.kubeletVersion ? { kubeletVersion: entry.kubeletVersion } : {}) });
          }
          progress.update({ step: 'nodes ready', state: 'done', detail: `${readiness.length} Ready` });
        },
        () => `${expected.size} node(s) Ready`,
      );
    } else {
      timeline.skip('nodes ready', 'dry run');
    }

    if (plan.netkeep.deploy && failures.length === 0) {
      ({ imagesPlaced, deploy } = await netkeepSteps({ plan, timeline, progress, installerKubeconfig, shellOf: (node) => inspectionOf(node).entry.shell }));
    } else if (plan.netkeep.deploy) {
      timeline.skip('deploy netkeep', 'skipped: some nodes failed');
    }

    const nodes = plan.nodes.map((node) => outcomes.get(node.name) as NodeOutcome);
    const upToDate =
      failures.length === 0 &&
      nodes.every((node) => node.action === 'none') &&
      kubeconfigChange === 'unchanged' &&
      imagesPlaced === 0 &&
      (!deploy || deploy.changedCount === 0);
    const result: UpResult = {
      dryRun,
      upToDate,
      nodes,
      apiUrl,
      context: plan.cluster.name,
      kubeconfigFile,
      ...(kubeconfigChange ? { kubeconfigChange } : {}),
      token: { source: token.source, generated: token.generated },
      warnings,
      ...(deploy ? { deploy } : {}),
      failures,
      steps: timeline.steps,
      totalMs: timeline.totalMs,
      journal,
    };
    if (failures.length) throw new UpFailedError(result);
    return result;
  } finally {
    await tunnel?.close();
    await closeAll(connections);
    progress.finish();
  }
}

/** Some nodes failed to join; the result says what was done. `up` again resumes. */
export class UpFailedError extends NodesFailedError {
  constructor(readonly result: UpResult) {
    super(result.failures, `${result.failures.length} node(s) failed; the others match the plan. Run \`installer up\` again to resume`);
  }
}

function outcomeOf(node: PlanNode, inspection: NodeInspection, action: NodeAction): NodeOutcome {
  return {
    node: node.name,
    role: node.role,
    address: node.address,
    kubernetesName: kubernetesNodeName(node, inspection.facts.hostname),
    action: action.kind,
    reason: action.reason,
    ...(inspection.state.version ? { versionBefore: inspection.state.version } : {}),
  };
}

function describeAction(action: NodeAction): string {
  return action.kind === 'none' ? `nothing to do (${action.reason})` : `${action.kind}: ${action.reason}`;
}

/** Air-gap: the checksum of the bundle's binary for each architecture among the nodes. */
async function airgapBinaryChecksums(plan: ClusterPlan, inspections: NodeInspection[]): Promise<Map<string, string>> {
  const checksums = new Map<string, string>();
  if (plan.k3s.kind !== 'airgap') return checksums;
  const bundle = readAirgapBundle(plan.k3s.bundleDir);
  for (const arch of new Set(inspections.map((inspection) => inspection.arch))) checksums.set(arch, await fileSha256(bundle.binary(arch)));
  return checksums;
}

function datastoreSecret(plan: ClusterPlan, env: NodeJS.ProcessEnv): Pick<NodeSecrets, 'datastoreEndpoint'> {
  const { datastore } = plan.cluster;
  if (datastore.type !== 'external') return {};
  const endpoint = env[datastore.endpointEnv];
  if (!endpoint) throw new Error(`cluster.datastore.endpointEnv names ${datastore.endpointEnv}, which is not set (export it with the datastore URL)`);
  return { datastoreEndpoint: endpoint };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
