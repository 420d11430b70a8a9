import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FakeKubeApiError } from './fake-kube-api-error';
import { publishIngressAddresses } from './fake-kube-ingress-status';
import { apiGroupList, apiResourceList, findResourceByKind, findResourceByPlural, type FakeKubeResource } from './fake-kube-resources';
import { FakeKubeRollouts, type FakeRolloutBehaviour } from './fake-kube-rollouts';
import { parseFieldSelector, parseLabelSelector } from './fake-kube-selectors';
import { FakeKubeStore, type FakeKubeObject } from './fake-kube-store';
import { fakeKubeconfigYaml, type FakeKubeconfigOptions } from './fake-kubeconfig';

export interface FakeKubeApiServerOptions {
  /** How workloads roll out unless `setRollout` says otherwise; default every replica becomes ready. */
  rollouts?: FakeRolloutBehaviour;
  /** How long the fake controllers take to react to a new generation; default 25 ms. */
  rolloutDelayMs?: number;
  /** Published in every Ingress's status, as Traefik on K3S does; default none. */
  ingressAddresses?: string[];
  /** Node objects to serve, for callers that look up node addresses. */
  nodes?: { name: string; internalIP: string; externalIP?: string }[];
  /** The bearer token the fake accepts; default `fake-kube-token`. */
  token?: string;
}

/** One request the fake received, for assertions (the field manager, the content type, the body). */
export interface RecordedKubeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType?: string;
  body?: unknown;
}

/**
 * A fake Kubernetes API server, not a cluster: plain HTTP on 127.0.0.1 implementing just enough
 * of discovery, get, list, create, server-side apply and watch for deploy code to run against it,
 * plus stand-ins for the controllers that make workloads ready, or make their pods fail.
 */
export interface FakeKubeApiServer {
  url: string;
  token: string;
  /** Every request so far, oldest first. */
  readonly requests: RecordedKubeRequest[];
  kubeconfig(options?: FakeKubeconfigOptions): string;
  /** Writes `kubeconfig()` to `<dir>/kubeconfig` and returns the path. */
  writeKubeconfig(dir: string, options?: FakeKubeconfigOptions): Promise<string>;
  get(apiVersion: string, kind: string, namespace: string | undefined, name: string): FakeKubeObject | undefined;
  list(apiVersion: string, kind: string, namespace?: string): FakeKubeObject[];
  /** Server-side applies `object` as another field manager (a person with kubectl, say). */
  applyAs(manager: string, object: FakeKubeObject, force?: boolean): FakeKubeObject;
  /** How the named workload rolls out from now on; reconciled at once if it exists. */
  setRollout(namespace: string, name: string, behaviour: FakeRolloutBehaviour): void;
  /** The latest resourceVersion: unchanged after a deploy that changed nothing. */
  resourceVersion(): string;
  close(): Promise<void>;
}

const APPLY_PATCH = 'application/apply-patch+yaml';

export async function startFakeKubeApiServer(options: FakeKubeApiServerOptions = {}): Promise<FakeKubeApiServer> {
  const token = options.token ?? 'fake-kube-token';
  const store = new FakeKubeStore();
  const rollouts = new FakeKubeRollouts(store, options.rollouts ?? { outcome: 'ready' }, options.rolloutDelayMs ?? 25);
  const stopIngressStatus = publishIngressAddresses(store, options.ingressAddresses ?? []);
  const requests: RecordedKubeRequest[] = [];
  const watches = new Set<ServerResponse>();
  seedCluster(store, options.nodes ?? []);

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const failure = error instanceof FakeKubeApiError ? error : new FakeKubeApiError(500, 'InternalError', String(error));
      if (!response.headersSent) sendJson(response, failure.code, failure.toStatus());
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const contentType = request.headers['content-type'];
    const text = await readBody(request);
    const body = text ? parseBody(text) : undefined;
    requests.push({ method: request.method ?? 'GET', path: url.pathname, query, ...(contentType ? { contentType } : {}), ...(body !== undefined ? { body } : {}) });
    if (request.headers.authorization !== `Bearer ${token}`) throw new FakeKubeApiError(401, 'Unauthorized', 'Unauthorized');
    const route = routeOf(url.pathname);
    if ('document' in route) return sendJson(response, 200, route.document);
    const { resource, namespace, name } = route;
    const method = request.method ?? 'GET';
    if (method === 'GET' && name) {
      const object = store.get(resource, namespace, name);
      if (!object) throw notFound(resource, name);
      return sendJson(response, 200, object);
    }
    if (method === 'GET') {
      const matches = matcher(namespace, query);
      if (query['watch'] === 'true' || query['watch'] === '1') return streamWatch(response, resource, matches, query);
      const items = store.list(resource).filter(matches);
      return sendJson(response, 200, { kind: `${resource.kind}List`, apiVersion: route.apiVersion, metadata: { resourceVersion: store.currentResourceVersion }, items });
    }
    if (method === 'POST' && !name) {
      return sendJson(response, 201, store.create(resource, namespace, requireObject(body), query['fieldManager'] ?? 'unknown'));
    }
    if (method === 'PATCH' && name) {
      if (!contentType?.startsWith(APPLY_PATCH)) {
        throw new FakeKubeApiError(415, 'UnsupportedMediaType', `the fake only implements server-side apply (${APPLY_PATCH}), not ${contentType}`);
      }
      const manager = query['fieldManager'];
      if (!manager) throw new FakeKubeApiError(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
      const existed = Boolean(store.get(resource, namespace, name));
      const object = store.apply(resource, namespace, name, requireObject(body), manager, query['force'] === 'true');
      return sendJson(response, existed ? 200 : 201, object);
    }
    if (method === 'DELETE' && name) {
      const deleted = store.delete(resource, namespace, name);
      if (!deleted) throw notFound(resource, name);
      return sendJson(response, 200, deleted);
    }
    throw new FakeKubeApiError(405, 'MethodNotAllowed', `the fake does not implement ${method} ${url.pathname}`);
  }

  function streamWatch(response: ServerResponse, resource: FakeKubeResource, matches: (object: FakeKubeObject) => boolean, query: Record<string, string>): void {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.flushHeaders();
    watches.add(response);
    const send = (type: string, object: FakeKubeObject) => response.write(`${JSON.stringify({ type, object })}\n`);
    // Without a resourceVersion a watch starts with the current state, as on a real server.
    if (!query['resourceVersion'] || query['resourceVersion'] === '0') store.list(resource).filter(matches).forEach((object) => send('ADDED', object));
    const listener = (type: string, changed: FakeKubeResource, object: FakeKubeObject) => {
      if (changed === resource && matches(object)) send(type, object);
    };
    store.changes.on('change', listener);
    const timeoutSeconds = Number(query['timeoutSeconds'] ?? 0);
    const timer = timeoutSeconds > 0 ? setTimeout(() => response.end(), timeoutSeconds * 1000) : undefined;
    response.on('close', () => {
      store.changes.off('change', listener);
      if (timer) clearTimeout(timer);
      watches.delete(response);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    token,
    requests,
    kubeconfig: (kubeconfigOptions) => fakeKubeconfigYaml(url, token, kubeconfigOptions),
    async writeKubeconfig(dir, kubeconfigOptions) {
      const path = join(dir, 'kubeconfig');
      await writeFile(path, fakeKubeconfigYaml(url, token, kubeconfigOptions), { mode: 0o600 });
      return path;
    },
    get: (apiVersion, kind, namespace, name) => store.get(resourceOf(apiVersion, kind), namespace, name),
    list: (apiVersion, kind, namespace) => store.list(resourceOf(apiVersion, kind), namespace),
    applyAs: (manager, object, force = false) => {
      const resource = resourceOf(object.apiVersion, object.kind);
      return store.apply(resource, resource.namespaced ? (object.metadata.namespace ?? 'default') : undefined, object.metadata.name, object, manager, force);
    },
    setRollout: (namespace, name, behaviour) => rollouts.setBehaviour(namespace, name, behaviour),
    resourceVersion: () => store.currentResourceVersion,
    async close() {
      rollouts.stop();
      stopIngressStatus();
      watches.forEach((watch) => watch.end());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type Route = { document: object } | { resource: FakeKubeResource; apiVersion: string; namespace?: string; name?: string };

function routeOf(pathname: string): Route {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (pathname === '/version') return { document: { major: '1', minor: '33', gitVersion: 'v1.33.4+k3s1', platform: 'linux/amd64' } };
  if (pathname === '/api') return { document: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] } };
  if (pathname === '/apis') return { document: apiGroupList() };
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 2) [group, version, rest] = ['', segments[1] as string, segments.slice(2)];
  else if (segments[0] === 'apis' && segments.length >= 3) [group, version, rest] = [segments[1] as string, segments[2] as string, segments.slice(3)];
  else throw new FakeKubeApiError(404, 'NotFound', `the fake serves nothing at ${pathname}`);
  if (rest.length === 0) {
    const document = apiResourceList(group, version);
    if (!document) throw new FakeKubeApiError(404, 'NotFound', `the server could not find the requested resource (${pathname})`);
    return { document };
  }
  const namespaced = rest[0] === 'namespaces' && rest.length >= 3;
  const [plural, name, subresource] = namespaced ? rest.slice(2) : rest;
  const resource = findResourceByPlural(group, version, plural as string);
  if (!resource || (namespaced && !resource.namespaced) || subresource) {
    throw new FakeKubeApiError(404, 'NotFound', `the server could not find the requested resource (${pathname})`);
  }
  const apiVersion = group ? `${group}/${version}` : version;
  return { resource, apiVersion, ...(namespaced ? { namespace: rest[1] } : {}), ...(name ? { name } : {}) };
}

function matcher(namespace: string | undefined, query: Record<string, string>): (object: FakeKubeObject) => boolean {
  let labels: ReturnType<typeof parseLabelSelector>;
  let fields: ReturnType<typeof parseFieldSelector>;
  try {
    labels = parseLabelSelector(query['labelSelector']);
    fields = parseFieldSelector(query['fieldSelector']);
  } catch (error) {
    throw new FakeKubeApiError(400, 'BadRequest', (error as Error).message);
  }
  return (object) =>
    (!namespace || object.metadata.namespace === namespace) && labels(object.metadata['labels'] as Record<string, string> | undefined) && fields(object);
}

function seedCluster(store: FakeKubeStore, nodes: NonNullable<FakeKubeApiServerOptions['nodes']>): void {
  const namespaces = resourceOf('v1', 'Namespace');
  for (const name of ['default', 'kube-system']) store.create(namespaces, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, 'k3s');
  const nodeResource = resourceOf('v1', 'Node');
  for (const node of nodes) {
    store.create(nodeResource, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: node.name } }, 'k3s');
    const addresses = [{ type: 'InternalIP', address: node.internalIP }, ...(node.externalIP ? [{ type: 'ExternalIP', address: node.externalIP }] : [])];
    store.writeStatus(nodeResource, undefined, node.name, { addresses });
  }
}

function resourceOf(apiVersion: string, kind: string): FakeKubeResource {
  const resource = findResourceByKind(apiVersion, kind);
  if (!resource) throw new Error(`the fake Kubernetes API does not serve ${kind} in ${apiVersion}`);
  return resource;
}

function notFound(resource: FakeKubeResource, name: string): FakeKubeApiError {
  return new FakeKubeApiError(404, 'NotFound', `${resource.plural}${resource.group ? `.${resource.group}` : ''} "${name}" not found`);
}

function requireObject(body: unknown): FakeKubeObject {
  const object = body as FakeKubeObject | undefined;
  if (!object || typeof object !== 'object' || !object.metadata) throw new FakeKubeApiError(400, 'BadRequest', 'the request body is not a Kubernetes object');
  return object;
}

function parseBody(text: string): unknown {
  try {
    // YAML is a superset of JSON: apply patches may come as either.
    return parseYaml(text);
  } catch (error) {
    throw new FakeKubeApiError(400, 'BadRequest', `the request body is not valid JSON or YAML: ${(error as Error).message}`);
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
