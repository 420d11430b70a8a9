import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { ConfigError } from '../config/config.error';
import { type ConfigDefaults, loadConfig } from '../config/load-config';
import type { NetkeepConfig } from '../config/netkeep-config';
import { describeDatabaseUrl } from '../database/database-url';
import { createLogger } from '../logging/create-logger';
import { loggerFor } from '../logging/process-logger';
import { ensureEmbeddedRedis, MissingDependencyError, type EmbeddedRedis } from '../redis/embedded-redis';
import { bootstrapNetkeepApp } from './bootstrap-netkeep-app';
import { installGracefulShutdown } from './graceful-shutdown';

export interface NetkeepProcess {
  mode: ConfigDefaults['mode'];
  /** The app's root module, built from the validated config. */
  module: (config: NetkeepConfig) => DynamicModule;
  title?: string;
}

/**
 * A netkeep main(): validate the environment (a bad variable → one line naming it, exit 1),
 * start the app, listen, and stop gracefully on SIGTERM. Any start-up failure → one fatal line, exit 1.
 */
export async function runNetkeepProcess(definition: NetkeepProcess): Promise<NestFastifyApplication | undefined> {
  let config: NetkeepConfig;
  try {
    config = loadConfig(process.env, { mode: definition.mode });
  } catch (error) {
    const stderr = createLogger({ logLevel: 'info' }, pino.destination({ dest: 2, sync: true }));
    if (error instanceof ConfigError) stderr.fatal({ variable: error.variable }, `configuration error: ${error.message}`);
    else stderr.fatal({ err: error }, `configuration error: ${(error as Error).message}`);
    process.exit(1);
  }
  const logger = loggerFor(config);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, `uncaught exception: ${error.message}`);
    process.exit(1);
  });
  let embeddedRedis: EmbeddedRedis | undefined;
  try {
    if (config.mode === 'embedded') embeddedRedis = await ensureEmbeddedRedis(config, logger);
    const app = await bootstrapNetkeepApp(definition.module(config), config, { title: definition.title });
    await app.listen(config.port, config.host);
    installGracefulShutdown(app, logger, { afterClose: () => embeddedRedis?.stop() });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(
      { mode: config.mode, host: config.host, port, dataDir: config.dataDir, database: describeDatabaseUrl(config.databaseUrl) },
      `netkeep listening on http://${config.host}:${port} (${config.mode} mode)`,
    );
    return app;
  } catch (error) {
    await embeddedRedis?.stop();
    // A missing dependency is an instruction for the operator, not a crash: no stack trace.
    if (error instanceof MissingDependencyError) logger.fatal(`start-up failed: ${error.message}`);
    else logger.fatal({ err: error }, `start-up failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
