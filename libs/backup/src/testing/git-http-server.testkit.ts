import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GIT_HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

/** A real smart-HTTP git server: node's http in front of git-http-backend (CGI), with basic auth. */
export interface GitHttpServer {
  /** `http://127.0.0.1:<port>/<name>.git` */
  url(name: string): string;
  /** Creates an empty bare repository that accepts pushes; returns its path. */
  createRepository(name: string): string;
  close(): Promise<void>;
}

export async function startGitHttpServer(credentials: { username: string; token: string }): Promise<GitHttpServer> {
  const root = await mkdtemp(join(tmpdir(), 'netkeep-git-http-'));
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.token}`).toString('base64')}`;
  const server = createServer((request, response) => {
    if (request.headers.authorization !== expected) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="netkeep-test"' }).end('authentication required');
      return;
    }
    serveThroughBackend(root, credentials.username, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}.git`,
    createRepository: (name) => {
      const path = join(root, `${name}.git`);
      execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', path]);
      execFileSync('git', ['--git-dir', path, 'config', 'http.receivepack', 'true']);
      return path;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** CGI: the request becomes environment and stdin; the backend's headers become the response's. */
function serveThroughBackend(root: string, user: string, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    REMOTE_USER: user,
    REMOTE_ADDR: '127.0.0.1',
    REQUEST_METHOD: request.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: request.headers['content-type'] ?? '',
    GATEWAY_INTERFACE: 'CGI/1.1',
  };
  if (request.headers['content-length']) env['CONTENT_LENGTH'] = request.headers['content-length'];
  if (request.headers['content-encoding']) env['HTTP_CONTENT_ENCODING'] = request.headers['content-encoding'];
  if (request.headers['git-protocol']) env['GIT_PROTOCOL'] = String(request.headers['git-protocol']);
  const backend = spawn(GIT_HTTP_BACKEND, [], { env });
  request.pipe(backend.stdin);

  let head = Buffer.alloc(0);
  let headersSent = false;
  backend.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    response.writeHead(status, headers);
    headersSent = true;
    response.write(head.subarray(end + 4));
  });
  backend.stdout.on('end', () => {
    if (!headersSent) response.writeHead(502);
    response.end();
  });
  backend.on('error', () => {
    if (!headersSent) response.writeHead(500);
    response.end();
  });
}
