import type { KubeApiClient } from '../api/kube-api-client';
import { referenceOf, type KubeObject } from '../api/kube-object';

/** Where the deployed API answers, and how that was found out. */
export interface ApiEndpoint {
  url: string;
  /** `Ingress netkeep/netkeep status`, `node k3s-1 InternalIP`, `kubeconfig server`. */
  source: string;
}

interface IngressFields {
  metadata: { name: string; namespace?: string };
  spec?: {
    tls?: { hosts?: string[] }[];
    rules?: { host?: string; http?: { paths?: { path?: string }[] } }[];
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

interface NodeFields {
  metadata: { name: string };
  status?: { addresses?: { type: string; address: string }[] };
}

/**
 * Finds where the API answers after a deploy: each Ingress's host or published address (Traefik
 * with ServiceLB publishes the nodes' addresses there), else a node's address, else the host of
 * the API server itself. The path is the ingress path that serves `/api`, if any.
 */
export async function findApiEndpoints(client: KubeApiClient, objects: readonly KubeObject[]): Promise<ApiEndpoint[]> {
  const ingresses = objects.filter((object) => object.kind === 'Ingress');
  const endpoints: ApiEndpoint[] = [];
  for (const applied of ingresses) {
    const ingress = ((await client.get(referenceOf(applied))) ?? applied) as unknown as IngressFields;
    endpoints.push(...ingressEndpoints(ingress));
  }
  if (endpoints.length) return endpoints;
  const path = apiPath(ingresses[0] as unknown as IngressFields | undefined);
  const nodeEndpoint = await firstNodeEndpoint(client, path);
  if (nodeEndpoint) return [nodeEndpoint];
  return [{ url: `http://${new URL(client.server).hostname}${path}`, source: 'kubeconfig server' }];
}

function ingressEndpoints(ingress: IngressFields): ApiEndpoint[] {
  const path = apiPath(ingress);
  const name = `Ingress ${ingress.metadata.namespace ? `${ingress.metadata.namespace}/` : ''}${ingress.metadata.name}`;
  const tlsHosts = new Set((ingress.spec?.tls ?? []).flatMap((tls) => tls.hosts ?? []));
  const hosts = (ingress.spec?.rules ?? []).map((rule) => rule.host).filter((host): host is string => Boolean(host));
  const addresses = (ingress.status?.loadBalancer?.ingress ?? []).map((entry) => entry.ip ?? entry.hostname).filter((address): address is string => Boolean(address));
  if (hosts.length) {
    const via = addresses.length ? ` (resolve it to ${addresses.join(' or ')})` : '';
    return hosts.map((host) => ({ url: `${tlsHosts.has(host) ? 'https' : 'http'}://${host}${path}`, source: `${name} host${via}` }));
  }
  return addresses.map((address) => ({ url: `http://${hostPart(address)}${path}`, source: `${name} status` }));
}

async function firstNodeEndpoint(client: KubeApiClient, path: string): Promise<ApiEndpoint | undefined> {
  let nodes: NodeFields[];
  try {
    nodes = (await client.list('v1', 'Node', undefined)) as unknown as NodeFields[];
  } catch {
    // Listing nodes needs a cluster-wide permission a namespaced deployer may lack.
    return undefined;
  }
  for (const type of ['ExternalIP', 'InternalIP']) {
    for (const node of nodes) {
      const address = node.status?.addresses?.find((candidate) => candidate.type === type)?.address;
      if (address) return { url: `http://${hostPart(address)}${path}`, source: `node ${node.metadata.name} ${type}` };
    }
  }
  return undefined;
}

/** What the ingress's API paths have in common (`/api/v1` for `/api/v1/devices` and `/api/v1/backups`), else `/`. */
function apiPath(ingress: IngressFields | undefined): string {
  const paths = (ingress?.spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? []).map((entry) => entry.path ?? '/');
  const segmentLists = paths.filter((path) => path.startsWith('/api')).map((path) => path.split('/').filter(Boolean));
  if (!segmentLists.length) return '/';
  const [first, ...others] = segmentLists as [string[], ...string[][]];
  let shared = 0;
  while (shared < first.length && others.every((segments) => segments[shared] === first[shared])) shared++;
  return `/${first.slice(0, shared).join('/')}`;
}

function hostPart(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
