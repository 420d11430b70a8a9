import { send } from '@fastify/send';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { extname } from 'node:path';
import { WEB_CONSOLE_INDEX } from './locate-web-console';

/** Paths the console never answers: the API, its docs and the probes keep their own 404s. */
const SERVER_PATHS = ['/api', '/metrics', '/healthz', '/readyz'];

/** Vite names every built asset by its content hash, so a cached one can never be stale. */
const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: the browser asks every time (a 304 when unchanged). */
const REVALIDATE = 'no-cache';

/** The console loads its own scripts and styles and talks to its own origin, nothing else. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the built web console from `dir` at `/`: its files by path, and index.html for every
 * other GET outside SERVER_PATHS, so a console URL opened directly still loads the app.
 * Routes are Fastify's catch-all, matched only after every API route.
 */
export function mountWebConsole(fastify: FastifyInstance, dir: string): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (SERVER_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return reply.callNotFound();
    if (path !== '/' && (await sendFile(request, reply, dir, path))) return reply;
    // A missing script or stylesheet is a 404: index.html in its place fails in the browser with a misleading MIME error.
    if (extname(path) !== '') {
      return reply
        .status(404)
        .type('application/json; charset=utf-8')
        .send({ statusCode: 404, error: 'Not Found', message: `No file ${path} in the web console; reload the page to get the current version` });
    }
    await sendFile(request, reply, dir, `/${WEB_CONSOLE_INDEX}`);
    return reply;
  };
  fastify.get('/', handler);
  fastify.get('/*', handler);
}

async function sendFile(request: FastifyRequest, reply: FastifyReply, dir: string, path: string): Promise<boolean> {
  const result = await send(request.raw, path, { root: dir, index: false, dotfiles: 'deny', cacheControl: false });
  if (result.type !== 'file') {
    result.stream.destroy();
    return false;
  }
  reply.status(result.statusCode).headers(result.headers);
  reply.header('cache-control', path.startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE);
  reply.header('x-content-type-options', 'nosniff');
  if (path === `/${WEB_CONSOLE_INDEX}`) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.send(result.stream);
  return true;
}
