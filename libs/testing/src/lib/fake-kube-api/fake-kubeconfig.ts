import { stringify } from 'yaml';

export interface FakeKubeconfigOptions {
  /** Context name; default `fake-kube`. */
  context?: string;
  /** The context's default namespace. */
  namespace?: string;
}

/** A kubeconfig that points at the fake over plain HTTP (hence insecure-skip-tls-verify) with its bearer token. */
export function fakeKubeconfigYaml(url: string, token: string, options: FakeKubeconfigOptions = {}): string {
  const context = options.context ?? 'fake-kube';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'fake-kube-cluster', cluster: { server: url, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'fake-kube-user', user: { token } }],
    contexts: [{ name: context, context: { cluster: 'fake-kube-cluster', user: 'fake-kube-user', ...(options.namespace ? { namespace: options.namespace } : {}) } }],
    'current-context': context,
  });
}
