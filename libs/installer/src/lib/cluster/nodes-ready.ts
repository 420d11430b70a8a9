import { CoreV1Api, KubeConfig, type V1Node } from '@kubernetes/client-node';

/** One Kubernetes node as the API reports it. */
export interface NodeReadiness {
  name: string;
  ready: boolean;
  kubeletVersion?: string;
  /** The Ready condition's message when not ready. */
  message?: string;
}

export class NodesNotReadyError extends Error {
  override readonly name = 'NodesNotReadyError';
}

const POLL_INTERVAL_MS = 1000;

/** Every node the API knows, with its Ready condition. */
export async function readNodeReadiness(kubeconfigText: string): Promise<NodeReadiness[]> {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(kubeconfigText);
  const list = await kubeConfig.makeApiClient(CoreV1Api).listNode();
  return list.items.map(readiness);
}

/**
 * Polls the API until every expected node is registered and Ready, reporting each change;
 * on timeout the error names the nodes still missing or not ready, and why.
 */
export async function waitForNodesReady(
  kubeconfigText: string,
  expected: readonly string[],
  options: { timeoutMs: number; onChange?: (nodes: NodeReadiness[]) => void },
): Promise<NodeReadiness[]> {
  const deadline = Date.now() + options.timeoutMs;
  let last = '';
  let lastError: unknown;
  for (;;) {
    let nodes: NodeReadiness[] = [];
    try {
      nodes = await readNodeReadiness(kubeconfigText);
      lastError = undefined;
    } catch (error) {
      // The API may still be settling right after a restart: keep asking until the deadline.
      lastError = error;
    }
    const relevant = expected.map((name) => nodes.find((node) => node.name === name) ?? { name, ready: false, message: 'not registered yet' });
    const summary = JSON.stringify(relevant);
    if (summary !== last) {
      last = summary;
      options.onChange?.(relevant);
    }
    if (relevant.every((node) => node.ready)) return relevant;
    if (Date.now() >= deadline) {
      const waiting = relevant.filter((node) => !node.ready).map((node) => `${node.name} (${node.message ?? 'not ready'})`);
      const cause = lastError ? `; last API error: ${(lastError as Error).message}` : '';
      throw new NodesNotReadyError(`nodes not Ready after ${Math.round(options.timeoutMs / 1000)} s: ${waiting.join(', ')}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

function readiness(node: V1Node): NodeReadiness {
  const condition = node.status?.conditions?.find((entry) => entry.type === 'Ready');
  const ready = condition?.status === 'True';
  return {
    name: node.metadata?.name ?? '',
    ready,
    ...(node.status?.nodeInfo?.kubeletVersion ? { kubeletVersion: node.status.nodeInfo.kubeletVersion } : {}),
    ...(!ready ? { message: condition?.message ?? 'no Ready condition yet' } : {}),
  };
}
