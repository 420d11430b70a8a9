import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import type { NetkeepLogger } from '../logging/create-logger';
import type { HttpMetrics } from '../metrics/http-metrics';

// Probes and scrapes arrive every few seconds; their lines would drown everything else.
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** One log line and one histogram sample per request, through the app's pino logger; `x-request-id` on every reply. */
export function registerRequestHooks(fastify: FastifyInstance, logger: NetkeepLogger, metrics: HttpMetrics): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url;
    const durationMs = reply.elapsedTime;
    metrics.observe(request.method, route, reply.statusCode, durationMs / 1000);
    const principal = (request as FastifyRequest & { principal?: Principal }).principal;
    const line = {
      reqId: request.id,
      method: request.method,
      // The path only: a query string may carry anything.
      path: request.url.split('?')[0],
      route: route ?? null,
      statusCode: reply.statusCode,
      durationMs: Math.round(durationMs * 10) / 10,
      principal: principal ? { kind: principal.kind, name: principal.name, tokenId: principal.tokenId } : undefined,
    };
    if (route && QUIET_ROUTES.has(route) && reply.statusCode < 400) logger.debug(line, 'request');
    else logger.info(line, 'request');
  });
}
