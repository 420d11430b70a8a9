import { stringify } from 'yaml';
import { KubeconfigFileError, parseKubeconfigDocument, type KubeconfigDocument, type NamedEntry } from './kubeconfig-document';

/**
 * K3S's /etc/rancher/k3s/k3s.yaml made usable from elsewhere, by editing its structure: the
 * server URL's host becomes the API address (which the plan puts in tls-san), and the cluster,
 * user and context, all called `default` by K3S, take the cluster's name.
 */
export function adaptK3sKubeconfig(text: string, options: { name: string; apiHost: string; source: string }): KubeconfigDocument {
  const document = parseKubeconfigDocument(text, options.source);
  const context = document.contexts.find((entry) => entry.name === document['current-context']) ?? document.contexts[0];
  const contextFields = (context?.['context'] ?? {}) as Record<string, unknown>;
  const cluster = document.clusters.find((entry) => entry.name === contextFields['cluster']) ?? document.clusters[0];
  const user = document.users.find((entry) => entry.name === contextFields['user']) ?? document.users[0];
  if (!context || !cluster || !user) throw new KubeconfigFileError(`${options.source} lacks a cluster, a user or a context`);
  const clusterFields = (cluster['cluster'] ?? {}) as Record<string, unknown>;
  const server = clusterFields['server'];
  if (typeof server !== 'string') throw new KubeconfigFileError(`${options.source}: cluster "${cluster.name}" has no server URL`);
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ ...cluster, name: options.name, cluster: { ...clusterFields, server: withHost(server, options.apiHost) } }],
    users: [{ ...user, name: options.name }],
    contexts: [{ ...context, name: options.name, context: { ...contextFields, cluster: options.name, user: options.name } }],
    'current-context': options.name,
  };
}

/** The same kubeconfig pointing at another URL (the installer's SSH tunnel to the API). */
export function withServerUrl(document: KubeconfigDocument, url: string): KubeconfigDocument {
  return {
    ...document,
    clusters: document.clusters.map((cluster: NamedEntry) => ({ ...cluster, cluster: { ...(cluster['cluster'] as object), server: url } })),
  };
}

export function serverUrlOf(document: KubeconfigDocument): string {
  return String(((document.clusters[0]?.['cluster'] ?? {}) as Record<string, unknown>)['server'] ?? '');
}

export function kubeconfigText(document: KubeconfigDocument): string {
  return stringify(document);
}

/** `https://127.0.0.1:6443` with host `10.0.0.5` → `https://10.0.0.5:6443`; IPv6 hosts get brackets. */
function withHost(server: string, host: string): string {
  const url = new URL(server);
  url.hostname = host.includes(':') ? `[${host}]` : host;
  return url.toString().replace(/\/$/, '');
}
