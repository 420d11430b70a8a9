import { describe, expect, it } from 'vitest';
import { renderKustomization } from './render-kustomization';
import { K3S_OVERLAY, workloadsOf } from './testing/k3s-overlay';
import { admits, type PodEndpoint } from './testing/network-policy-evaluation';

const objects = renderKustomization(K3S_OVERLAY, { secretRecipes: [] });
const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
const namespaceLabels = (name: string): Record<string, string> => ({ 'kubernetes.io/metadata.name': name });

/** Each netkeep pod as rendered, with its named ports. */
const pods: Record<string, PodEndpoint> = Object.fromEntries(
  workloadsOf(objects).map((workload) => [
    workload.object.metadata.name,
    {
      namespace: 'netkeep',
      namespaceLabels: namespaceLabels('netkeep'),
      labels: workload.podLabels,
      ports: Object.fromEntries(workload.pod.containers.flatMap((container) => container.ports ?? []).map((port) => [port.name ?? '', port.containerPort])),
    },
  ]),
);

// K3S's packaged Traefik: the Helm chart's labels, in kube-system.
const traefik: PodEndpoint = { namespace: 'kube-system', namespaceLabels: namespaceLabels('kube-system'), labels: { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': 'traefik-kube-system' } };
const coredns: PodEndpoint = { namespace: 'kube-system', namespaceLabels: namespaceLabels('kube-system'), labels: { 'k8s-app': 'kube-dns' } };
const otherApp: PodEndpoint = { namespace: 'default', namespaceLabels: namespaceLabels('default'), labels: { app: 'web' } };
// A pod someone starts in the netkeep namespace by hand (kubectl run): not part of netkeep.
const strayPod: PodEndpoint = { namespace: 'netkeep', namespaceLabels: namespaceLabels('netkeep'), labels: { run: 'debug' } };
const prometheus: PodEndpoint = { namespace: 'monitoring', namespaceLabels: { ...namespaceLabels('monitoring'), 'netkeep.dev/metrics-scraper': 'true' }, labels: { 'app.kubernetes.io/name': 'prometheus' } };

const APIS = ['inventory', 'config-backup', 'telemetry'];

describe('network policies of the k3s overlay', () => {
  it('deny all ingress in the namespace unless a policy allows it, and leave egress open', () => {
    const denyAll = policies.find((policy) => policy.metadata.name === 'default-deny-ingress');
    expect(denyAll?.['spec']).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    for (const policy of policies) expect((policy['spec'] as { policyTypes: string[] }).policyTypes, policy.metadata.name).toEqual(['Ingress']);
  });

  it.each(APIS)('let Traefik reach the %s API port', (name) => {
    expect(admits(policies, traefik, pods[name], 3000)).toBe(true);
  });

  it('let Traefik reach nothing else', () => {
    expect(admits(policies, traefik, pods['config-backup-worker'], 3000)).toBe(false);
    expect(admits(policies, traefik, pods['redis'], 6379)).toBe(false);
    expect(admits(policies, traefik, pods['postgresql'], 5432)).toBe(false);
    expect(admits(policies, traefik, pods['inventory'], 9229)).toBe(false);
  });

  it.each(APIS)('keep other pods of kube-system, other namespaces and stray pods away from %s', (name) => {
    for (const source of [coredns, otherApp, strayPod]) expect(admits(policies, source, pods[name], 3000)).toBe(false);
  });

  it.each(Object.keys(pods))('let every netkeep pod (here %s) reach Redis and PostgreSQL', (name) => {
    expect(admits(policies, pods[name], pods['redis'], 6379)).toBe(true);
    expect(admits(policies, pods[name], pods['postgresql'], 5432)).toBe(true);
  });

  it('keep everyone else away from Redis and PostgreSQL', () => {
    for (const source of [traefik, otherApp, strayPod, prometheus]) {
      expect(admits(policies, source, pods['redis'], 6379)).toBe(false);
      expect(admits(policies, source, pods['postgresql'], 5432)).toBe(false);
    }
  });

  it.each(['config-backup', 'config-backup-worker', 'telemetry'])('let %s call the inventory service', (name) => {
    expect(admits(policies, pods[name], pods['inventory'], 3000)).toBe(true);
  });

  it('do not let services call each other otherwise', () => {
    expect(admits(policies, pods['inventory'], pods['config-backup'], 3000)).toBe(false);
    expect(admits(policies, pods['config-backup-worker'], pods['telemetry'], 3000)).toBe(false);
  });

  it('let a namespace that opts in as metrics scraper reach the HTTP ports, and nothing more', () => {
    for (const name of [...APIS, 'config-backup-worker']) expect(admits(policies, prometheus, pods[name], 3000), name).toBe(true);
    const notOptedIn = { ...prometheus, namespaceLabels: namespaceLabels('monitoring') };
    expect(admits(policies, notOptedIn, pods['inventory'], 3000)).toBe(false);
  });
});
