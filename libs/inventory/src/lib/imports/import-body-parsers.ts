import type { FastifyInstance } from 'fastify';

/**
 * Import files arrive as the raw request body. Fastify knows JSON and text/plain; these add CSV
 * and YAML as text, under the app's body limit (NETKEEP_BODY_LIMIT_MB).
 */
export const IMPORT_TEXT_TYPES = ['text/csv', 'application/csv', 'application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'] as const;

export function registerImportBodyParsers(fastify: FastifyInstance): void {
  for (const type of IMPORT_TEXT_TYPES) {
    if (fastify.hasContentTypeParser(type)) continue;
    fastify.addContentTypeParser(type, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  }
}
