import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { sql } from 'kysely';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AdminTokenBootstrap } from './auth/admin-token.bootstrap';
import { ApiTokensRepository } from './auth/api-tokens.repository';
import { ApiTokensService } from './auth/api-tokens.service';
import { AuthGuard } from './auth/auth.guard';
import { coreMigrations } from './auth/core.migrations';
import { TokenAuthenticator } from './auth/token-authenticator';
import { TokensController } from './auth/tokens.controller';
import { WhoamiController } from './auth/whoami.controller';
import { Clock, SystemClock } from './clock/clock';
import { CONFIG } from './config/config.constants';
import type { NetkeepConfig } from './config/netkeep-config';
import { ConnectionsLifecycle } from './connections.lifecycle';
import { SecretBox } from './crypto/secret-box';
import { createDatabase } from './database/create-database';
import { DATABASE } from './database/database.constants';
import { describeDatabaseUrl } from './database/database-url';
import type { MigrationSet } from './database/migration-set';
import { runMigrations } from './database/run-migrations';
import { HealthController } from './health/health.controller';
import { DatabaseHostKeyStore } from './host-keys/database-host-key-store';
import { KnownHostsImport } from './host-keys/known-hosts-import';
import { NetkeepExceptionFilter } from './http/exception.filter';
import { createValidationPipe } from './http/validation.pipe';
import type { NetkeepLogger } from './logging/create-logger';
import { LOGGER } from './logging/logging.constants';
import { loggerFor, setLoggerFor } from './logging/process-logger';
import { createMetricsRegistry } from './metrics/create-metrics-registry';
import { HttpMetrics } from './metrics/http-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { METRICS_REGISTRY } from './metrics/metrics.constants';
import { createRedis } from './redis/create-redis';
import { REDIS } from './redis/redis.constants';

export interface CoreModuleOptions {
  config: NetkeepConfig;
  /** The domains' migration sets, run after core's own before the app listens. */
  migrations?: MigrationSet[];
  /** Defaults to a JSON logger on stdout; tests pass one writing to a capture. */
  logger?: NetkeepLogger;
  /** Defaults to the system clock. */
  clock?: Clock;
}

/**
 * What every netkeep app stands on, global so domain modules inject it directly: CONFIG,
 * DATABASE (migrated), SecretBox, REDIS, the shared SSH host-key store, LOGGER, METRICS_REGISTRY, Clock, the auth guard on
 * every route, the validation pipe and error filter, and the tokens, whoami, health and metrics endpoints.
 */
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    const { config } = options;
    if (options.logger) setLoggerFor(config, options.logger);
    const logger = loggerFor(config);
    const providers: Provider[] = [
      { provide: CONFIG, useValue: config },
      { provide: LOGGER, useValue: logger },
      { provide: Clock, useValue: options.clock ?? new SystemClock() },
      {
        provide: DATABASE,
        useFactory: async () => {
          const db = createDatabase(config.databaseUrl, {
            onPoolError: (error) => logger.warn({ err: error }, 'database connection lost; the pool will reconnect'),
          });
          try {
            await sql`select 1`.execute(db).catch((error: Error) => {
              throw new Error(`cannot reach the database at ${describeDatabaseUrl(config.databaseUrl)} (DATABASE_URL): ${error.message}`);
            });
            const applied = await runMigrations(db, [coreMigrations, ...(options.migrations ?? [])]);
            logger.info({ database: describeDatabaseUrl(config.databaseUrl), applied }, `database ready (${applied.length} migrations applied)`);
            return db;
          } catch (error) {
            await db.destroy().catch(() => undefined);
            throw error;
          }
        },
      },
      { provide: REDIS, useFactory: () => createRedis(config.redisUrl, logger) },
      { provide: SecretBox, useFactory: () => new SecretBox(config.secretKey) },
      { provide: METRICS_REGISTRY, useFactory: createMetricsRegistry },
      HttpMetrics,
      ConnectionsLifecycle,
      ApiTokensRepository,
      ApiTokensService,
      TokenAuthenticator,
      AdminTokenBootstrap,
      DatabaseHostKeyStore,
      KnownHostsImport,
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_PIPE, useFactory: createValidationPipe },
      { provide: APP_FILTER, useClass: NetkeepExceptionFilter },
    ];
    return {
      module: CoreModule,
      global: true,
      controllers: [TokensController, WhoamiController, HealthController, MetricsController],
      providers,
      exports: [CONFIG, LOGGER, Clock, DATABASE, REDIS, SecretBox, METRICS_REGISTRY, HttpMetrics, ApiTokensService, DatabaseHostKeyStore],
    };
  }
}
