import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { NetkeepConfig } from '../config/netkeep-config';
import { NestLoggerAdapter } from '../logging/nest-logger.adapter';
import { loggerFor } from '../logging/process-logger';
import { HttpMetrics } from '../metrics/http-metrics';
import { locateWebConsole } from '../web-console/locate-web-console';
import { mountWebConsole } from '../web-console/web-console';
import { mountApiDocs } from './api-docs';
import { registerRequestHooks } from './request-hooks';

export interface NetkeepAppOptions {
  /** Title of the OpenAPI document. */
  title?: string;
}

/**
 * A Nest app on Fastify for a module that imports `CoreModule.forRoot(...)`: body limit, request
 * ids, request logging and metrics through the app's logger and registry, OpenAPI at /api/docs,
 * and the built web console at / when one is found (see locateWebConsole).
 * Returned initialised (database migrated, admin token ensured) but not listening.
 * Routes carry their full path (`@Controller('api/v1/devices')`); there is no global prefix.
 */
export async function bootstrapNetkeepApp(
  module: Type<unknown> | DynamicModule,
  config: NetkeepConfig,
  options: NetkeepAppOptions = {},
): Promise<NestFastifyApplication> {
  const logger = loggerFor(config);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    // Client-chosen ids would let anyone forge log correlation.
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new NestLoggerAdapter(logger),
    abortOnError: false,
    // Fastify's own parsers (JSON, text) only: Nest's would add form bodies, which the API does not speak.
    bodyParser: false,
  });
  registerRequestHooks(app.getHttpAdapter().getInstance(), logger, app.get(HttpMetrics));
  mountApiDocs(app, options.title ?? 'netkeep');
  const webConsole = locateWebConsole(config);
  if (webConsole.problem) logger.warn({ variable: 'NETKEEP_WEB_DIR' }, `web console not served: ${webConsole.problem}`);
  if (webConsole.dir) {
    mountWebConsole(app.getHttpAdapter().getInstance(), webConsole.dir);
    logger.info({ webDir: webConsole.dir }, `web console served at / from ${webConsole.dir}`);
  }
  await app.init();
  return app;
}
