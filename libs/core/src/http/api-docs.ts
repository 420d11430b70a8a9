import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const API_DOCS_PATH = '/api/docs';

const UI_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
};

/**
 * OpenAPI at /api/docs/json and Swagger UI at /api/docs. The UI's files come from swagger-ui-dist
 * (a dependency of @nestjs/swagger) through plain routes, as @fastify/static is not installed.
 * The document is built on first request.
 */
export function mountApiDocs(app: NestFastifyApplication, title: string): void {
  const builder = apiDocumentConfig(title);
  SwaggerModule.setup(API_DOCS_PATH, app, () => SwaggerModule.createDocument(app, builder), {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: `${API_DOCS_PATH}/json`,
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.get(API_DOCS_PATH, async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').send(uiPage(title)),
  );
  const assetsDir = swaggerUiDir();
  for (const [file, type] of Object.entries(UI_ASSETS)) {
    fastify.get(`${API_DOCS_PATH}/${file}`, async (_request: FastifyRequest, reply: FastifyReply) => {
      if (!assetsDir) return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: 'swagger-ui-dist is not installed' });
      return reply.type(type).header('Cache-Control', 'public, max-age=3600').send(await readFile(join(assetsDir, file)));
    });
  }
}

/** Everything of the OpenAPI document but its paths and schemas, which come from the controllers. */
export function apiDocumentConfig(title: string): Omit<OpenAPIObject, 'paths'> {
  return (
    new DocumentBuilder()
      .setTitle(title)
      .setDescription('netkeep REST API. Send `Authorization: Bearer <token>`; /healthz, /readyz and /metrics need none.')
      .setVersion('v1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'nk_… API token' })
      // Every route needs a token except /healthz, /readyz and /metrics (said in the description).
      .addSecurityRequirements('bearer')
      .build()
  );
}

function swaggerUiDir(): string | undefined {
  try {
    return dirname(require.resolve('swagger-ui-dist/package.json', { paths: [dirname(require.resolve('@nestjs/swagger'))] }));
  } catch {
    return undefined;
  }
}

function uiPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="${API_DOCS_PATH}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="${API_DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${API_DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '${API_DOCS_PATH}/json', dom_id: '#swagger-ui', persistAuthorization: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });</script>
</body></html>`;
}
