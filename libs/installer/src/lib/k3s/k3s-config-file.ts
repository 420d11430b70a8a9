import { stringify } from 'yaml';
import type { ClusterPlan, PlanNode } from '../plan/cluster-plan';

/** The secrets a node's config.yaml carries; each node gets only what its role needs. */
export interface NodeSecrets {
  /** The plan's token: the first server's, and every server's with an external datastore. */
  clusterToken: string;
  /** The first server's token file (`K10<CA hash>::…`), which lets joiners verify the server's CA. */
  joinToken?: string;
  /** From the environment variable the plan names. */
  datastoreEndpoint?: string;
}

export interface RenderedK3sConfig {
  text: string;
  /** The same with every secret replaced, for dry runs and logs. */
  display: string;
}

const REDACTED = '<redacted>';

/**
 * /etc/rancher/k3s/config.yaml for one node, the source of truth for how K3S runs there: the
 * install script keeps options only while they are passed again, the file stays. Keys are in a
 * fixed order and nothing varies between runs, so an unchanged plan renders the same bytes.
 */
export function renderK3sConfig(plan: ClusterPlan, node: PlanNode, secrets: NodeSecrets): RenderedK3sConfig {
  const { cluster } = plan;
  const first = plan.nodes.find((candidate) => candidate.role === 'server');
  const isFirstServer = node === first;
  const joinsFirstServer = !isFirstServer && (node.role === 'agent' || cluster.datastore.type === 'etcd');
  const secretKeys = new Set<string>();
  const config: Record<string, unknown> = {};
  const secret = (key: string, value: string) => {
    config[key] = value;
    secretKeys.add(key);
  };

  if (joinsFirstServer) {
    config['server'] = `https://${bracketIpv6(first?.address ?? '')}:${cluster.apiPort}`;
    secret('token', secrets.joinToken ?? secrets.clusterToken);
  } else {
    secret('token', secrets.clusterToken);
  }
  if (node.role === 'server') {
    config['tls-san'] = cluster.tlsSan;
    if (cluster.datastore.type === 'etcd' && isFirstServer) config['cluster-init'] = true;
    if (cluster.datastore.type === 'external') secret('datastore-endpoint', secrets.datastoreEndpoint ?? '');
    if (cluster.disable.length) config['disable'] = cluster.disable;
    // Readable by root only, as K3S's default; the installer reads it with sudo.
    config['write-kubeconfig-mode'] = '0600';
  }
  const labels = Object.entries(node.labels).map(([key, value]) => `${key}=${value}`);
  if (labels.length) config['node-label'] = labels;
  if (node.taints.length) config['node-taint'] = node.taints;
  Object.assign(config, node.role === 'server' ? cluster.serverConfig : cluster.agentConfig, node.config);

  const header = `# Written by the netkeep installer from ${plan.file} (${node.role} ${node.name}).\n# Change the plan and run \`installer up\` again rather than editing this file.\n`;
  const redacted = Object.fromEntries(Object.entries(config).map(([key, value]) => [key, secretKeys.has(key) ? REDACTED : value]));
  return { text: header + stringify(config), display: header + stringify(redacted) };
}

/** The join URL of the first server. */
export function joinUrl(plan: ClusterPlan): string {
  const first = plan.nodes.find((candidate) => candidate.role === 'server');
  return `https://${bracketIpv6(first?.address ?? '')}:${plan.cluster.apiPort}`;
}

export function bracketIpv6(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
