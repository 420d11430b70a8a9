import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeOciRegistryError } from './fake-oci-registry-error';
import { FakeOciRegistryStore, type FakeOciManifest } from './fake-oci-registry-store';

export interface FakeOciRegistryOptions {
  /** When given, every request needs HTTP Basic authentication with these, as a private registry does. */
  credentials?: { username: string; password: string };
}

/** One request the fake received, for assertions; the password of a Basic authorization is never kept. */
export interface RecordedRegistryRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType?: string;
  /** The body's length in bytes. */
  bodyBytes: number;
  /** The user named by a Basic authorization header. */
  username?: string;
}

/**
 * A fake OCI distribution registry, not a registry: plain HTTP on 127.0.0.1 implementing just
 * what a push needs of the Distribution API v2 (version check, blob existence, chunked uploads
 * verified by digest, cross-repository mounts, manifests by tag and digest), kept in memory.
 */
export interface FakeOciRegistry {
  /** `127.0.0.1:<port>`: what goes before the repository in an image reference. */
  host: string;
  url: string;
  /** Every request so far, oldest first. */
  readonly requests: RecordedRegistryRequest[];
  manifest(repository: string, reference: string): FakeOciManifest | undefined;
  blob(repository: string, digest: string): Buffer | undefined;
  close(): Promise<void>;
}

type Route =
  | { kind: 'version' }
  | { kind: 'uploads'; repository: string }
  | { kind: 'upload'; repository: string; id: string }
  | { kind: 'blob'; repository: string; digest: string }
  | { kind: 'manifest'; repository: string; reference: string };

const REPOSITORY = '([a-z0-9]+(?:[._/-][a-z0-9]+)*)';
const ROUTES: [RegExp, (match: string[]) => Route][] = [
  [/^\/v2\/?$/, () => ({ kind: 'version' })],
  [new RegExp(`^/v2/${REPOSITORY}/blobs/uploads/?$`), ([, repository]) => ({ kind: 'uploads', repository: repository as string })],
  [new RegExp(`^/v2/${REPOSITORY}/blobs/uploads/([0-9a-f-]+)$`), ([, repository, id]) => ({ kind: 'upload', repository: repository as string, id: id as string })],
  [new RegExp(`^/v2/${REPOSITORY}/blobs/(sha256:[0-9a-f]{64})$`), ([, repository, digest]) => ({ kind: 'blob', repository: repository as string, digest: digest as string })],
  [new RegExp(`^/v2/${REPOSITORY}/manifests/([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|sha256:[0-9a-f]{64})$`), ([, repository, reference]) => ({ kind: 'manifest', repository: repository as string, reference: reference as string })],
];

const OCTET_STREAM = 'application/octet-stream';

export async function startFakeOciRegistry(options: FakeOciRegistryOptions = {}): Promise<FakeOciRegistry> {
  const store = new FakeOciRegistryStore();
  const requests: RecordedRegistryRequest[] = [];
  const expectedAuthorization = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}`
    : undefined;

  const server = createServer((request, response) => {
    response.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
    handle(request, response).catch((error: unknown) => {
      const failure = error instanceof FakeOciRegistryError ? error : new FakeOciRegistryError(500, 'UNKNOWN', String(error));
      if (failure.status === 401) response.setHeader('WWW-Authenticate', 'Basic realm="fake-oci-registry"');
      if (response.headersSent) response.end();
      else sendJson(response, failure.status, failure.toBody());
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    const contentType = request.headers['content-type'];
    const username = basicUsername(request.headers.authorization);
    requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), ...(contentType ? { contentType } : {}), bodyBytes: body.length, ...(username !== undefined ? { username } : {}) });
    if (expectedAuthorization && request.headers.authorization !== expectedAuthorization) throw new FakeOciRegistryError(401, 'UNAUTHORIZED', 'authentication required');

    const route = routeOf(url.pathname);
    if (route.kind === 'version' && method === 'GET') return sendJson(response, 200, {});
    if (route.kind === 'blob' && (method === 'HEAD' || method === 'GET')) {
      const blob = store.blob(route.repository, route.digest);
      if (!blob) throw new FakeOciRegistryError(404, 'BLOB_UNKNOWN', `blob ${route.digest} is not in ${route.repository}`);
      response.writeHead(200, { 'Content-Type': OCTET_STREAM, 'Content-Length': blob.length, 'Docker-Content-Digest': route.digest });
      return void response.end(method === 'GET' ? blob : undefined);
    }
    if (route.kind === 'uploads' && method === 'POST') {
      const mount = url.searchParams.get('mount');
      const from = url.searchParams.get('from');
      if (mount && from && store.mount(route.repository, mount, from)) {
        response.writeHead(201, { Location: `/v2/${route.repository}/blobs/${mount}`, 'Docker-Content-Digest': mount, 'Content-Length': 0 });
        return void response.end();
      }
      const id = store.startUpload(route.repository);
      // A monolithic upload (`POST …?digest=` with the blob as body) completes at once.
      const digest = url.searchParams.get('digest');
      if (digest) return completeUpload(response, route.repository, id, body, digest);
      return sendUploadProgress(response, route.repository, id, store.appendToUpload(route.repository, id, body));
    }
    if (route.kind === 'upload' && method === 'PATCH') {
      return sendUploadProgress(response, route.repository, route.id, store.appendToUpload(route.repository, route.id, body));
    }
    if (route.kind === 'upload' && method === 'PUT') {
      const digest = url.searchParams.get('digest');
      if (!digest) throw new FakeOciRegistryError(400, 'DIGEST_INVALID', 'completing an upload needs ?digest=');
      return completeUpload(response, route.repository, route.id, body, digest);
    }
    if (route.kind === 'upload' && method === 'DELETE') {
      store.cancelUpload(route.repository, route.id);
      response.writeHead(204);
      return void response.end();
    }
    if (route.kind === 'manifest' && method === 'PUT') {
      const manifest = store.putManifest(route.repository, route.reference, contentType ?? '', body);
      response.writeHead(201, { Location: `/v2/${route.repository}/manifests/${manifest.digest}`, 'Docker-Content-Digest': manifest.digest, 'Content-Length': 0 });
      return void response.end();
    }
    if (route.kind === 'manifest' && (method === 'GET' || method === 'HEAD')) {
      const manifest = store.manifest(route.repository, route.reference);
      if (!manifest) throw new FakeOciRegistryError(404, 'MANIFEST_UNKNOWN', `no manifest ${route.reference} in ${route.repository}`);
      response.writeHead(200, { 'Content-Type': manifest.mediaType, 'Content-Length': manifest.body.length, 'Docker-Content-Digest': manifest.digest });
      return void response.end(method === 'GET' ? manifest.body : undefined);
    }
    throw new FakeOciRegistryError(405, 'UNSUPPORTED', `the fake does not implement ${method} ${url.pathname}`);
  }

  function completeUpload(response: ServerResponse, repository: string, id: string, lastChunk: Buffer, digest: string): void {
    store.appendToUpload(repository, id, lastChunk);
    store.completeUpload(repository, id, digest);
    response.writeHead(201, { Location: `/v2/${repository}/blobs/${digest}`, 'Docker-Content-Digest': digest, 'Content-Length': 0 });
    response.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    host,
    url: `http://${host}`,
    requests,
    manifest: (repository, reference) => store.manifest(repository, reference),
    blob: (repository, digest) => store.blob(repository, digest),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function routeOf(pathname: string): Route {
  for (const [pattern, route] of ROUTES) {
    const match = pattern.exec(pathname);
    if (match) return route(match);
  }
  throw new FakeOciRegistryError(404, 'NAME_UNKNOWN', `the fake serves nothing at ${pathname}`);
}

/** 202 with where to send the next chunk and what has arrived, as the API describes. */
function sendUploadProgress(response: ServerResponse, repository: string, id: string, receivedBytes: number): void {
  response.writeHead(202, {
    Location: `/v2/${repository}/blobs/uploads/${id}`,
    Range: `0-${Math.max(receivedBytes - 1, 0)}`,
    'Docker-Upload-UUID': id,
    'Content-Length': 0,
  });
  response.end();
}

function basicUsername(authorization: string | undefined): string | undefined {
  if (!authorization?.startsWith('Basic ')) return undefined;
  return Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8').split(':')[0];
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
