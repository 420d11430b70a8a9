import type { KubeObject } from '../../api/kube-object';

/** A pod as network policies see it: its namespace (with that namespace's labels), its labels and its named ports. */
export interface PodEndpoint {
  namespace: string;
  namespaceLabels: Record<string, string>;
  labels: Record<string, string>;
  ports?: Record<string, number>;
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
}

interface NetworkPolicySpec {
  podSelector: LabelSelector;
  policyTypes?: string[];
  ingress?: { from?: PolicyPeer[]; ports?: { protocol?: string; port?: number | string }[] }[];
}

export function selects(selector: LabelSelector, labels: Record<string, string>): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in labels && values.includes(labels[key]);
      case 'NotIn':
        return !(key in labels) || !values.includes(labels[key]);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
    }
  });
  return byLabels && byExpressions;
}

/**
 * Whether the policies let `source` open a TCP connection to `target` on `port`, by the
 * NetworkPolicy rules: a pod no ingress policy selects takes everything; a selected pod takes
 * what at least one rule of one selecting policy allows.
 */
export function admits(policies: readonly KubeObject[], source: PodEndpoint, target: PodEndpoint, port: number): boolean {
  const selecting = policies
    .filter((policy) => policy.metadata.namespace === target.namespace)
    .map((policy) => policy['spec'] as NetworkPolicySpec)
    .filter((spec) => (spec.policyTypes ?? ['Ingress']).includes('Ingress') && selects(spec.podSelector, target.labels));
  if (selecting.length === 0) return true;
  return selecting.some((spec) =>
    (spec.ingress ?? []).some((rule) => {
      const fromMatches = rule.from === undefined || rule.from.some((peer) => peerMatches(peer, source, target.namespace));
      const portMatches = rule.ports === undefined || rule.ports.some((allowed) => portOf(allowed.port, target) === port || allowed.port === undefined);
      return fromMatches && portMatches;
    }),
  );
}

function peerMatches(peer: PolicyPeer, source: PodEndpoint, policyNamespace: string): boolean {
  const namespaceMatches = peer.namespaceSelector ? selects(peer.namespaceSelector, source.namespaceLabels) : source.namespace === policyNamespace;
  const podMatches = peer.podSelector ? selects(peer.podSelector, source.labels) : true;
  return namespaceMatches && podMatches;
}

function portOf(port: number | string | undefined, target: PodEndpoint): number | undefined {
  if (typeof port === 'number' || port === undefined) return port;
  return target.ports?.[port];
}
