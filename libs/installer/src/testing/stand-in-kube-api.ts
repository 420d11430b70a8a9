import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Node as the stand-in kubelets registered it, status included. */
export interface RegisteredNode {
  metadata: { name: string; labels?: Record<string, string> };
  spec?: { taints?: { key: string; value?: string; effect: string }[] };
  status?: { conditions?: { type: string; status: string }[]; nodeInfo?: { kubeletVersion?: string } };
  [field: string]: unknown;
}

/**
 * The Kubernetes API the stand-in K3S nodes serve on their port 6443 (they relay to it): the
 * node registry kubelets would write to, with their status (the fake API server keeps no status
 * a client writes), /readyz, and everything else forwarded to the fake API server of
 * libs/testing, where netkeep's deploy lands. Listens on the lab bridge so the nodes reach it.
 */
export interface StandInKubeApi {
  host: string;
  port: number;
  nodes: Map<string, RegisteredNode>;
  close(): Promise<void>;
}

export async function startStandInKubeApi(options: { host: string; upstreamUrl: string; token: string }): Promise<StandInKubeApi> {
  const nodes = new Map<string, RegisteredNode>();
  const upstream = new URL(options.upstreamUrl);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => send(response, 500, { kind: 'Status', status: 'Failure', message: String(error) }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    if (request.headers.authorization !== `Bearer ${options.token}`) return send(response, 401, { kind: 'Status', status: 'Failure', reason: 'Unauthorized' });
    if (path === '/readyz' || path === '/livez') return sendText(response, 200, 'ok');
    const nodePath = /^\/api\/v1\/nodes(?:\/([^/]+))?$/.exec(path);
    if (!nodePath) return forward(request, response);
    const name = nodePath[1] ? decodeURIComponent(nodePath[1]) : undefined;
    if (request.method === 'POST' && !name) {
      const node = JSON.parse(await readBody(request)) as RegisteredNode;
      nodes.set(node.metadata.name, node);
      return send(response, 201, node);
    }
    if (request.method === 'GET' && !name) return send(response, 200, { kind: 'NodeList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [...nodes.values()] });
    if (request.method === 'GET' && name) {
      const node = nodes.get(name);
      return node ? send(response, 200, node) : send(response, 404, { kind: 'Status', status: 'Failure', reason: 'NotFound', message: `nodes "${name}" not found`, code: 404 });
    }
    if (request.method === 'DELETE' && name) {
      const existed = nodes.delete(name);
      return send(response, existed ? 200 : 404, { kind: 'Status', status: existed ? 'Success' : 'Failure' });
    }
    return send(response, 405, { kind: 'Status', status: 'Failure', reason: 'MethodNotAllowed' });
  }

  function forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const outgoing = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host } },
        (incoming) => {
          response.writeHead(incoming.statusCode ?? 502, incoming.headers);
          incoming.pipe(response);
          incoming.on('end', resolve);
        },
      );
      outgoing.on('error', (error) => {
        send(response, 502, { kind: 'Status', status: 'Failure', message: error.message });
        resolve();
      });
      request.pipe(outgoing);
      response.on('close', () => outgoing.destroy());
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host, () => resolve());
  });
  return {
    host: options.host,
    port: (server.address() as AddressInfo).port,
    nodes,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
