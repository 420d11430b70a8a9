// config
export { CONFIG } from './config/config.constants';
export { ConfigError, type ConfigProblem } from './config/config.error';
export { CONFIG_VARIABLES, type ConfigVariable } from './config/config-variables';
export { loadConfig, type ConfigDefaults } from './config/load-config';
export type { LogLevel, NetkeepConfig, NetkeepMode } from './config/netkeep-config';
export { decodeSecretKey } from './config/secret-key';

// crypto
export { SecretBox } from './crypto/secret-box';
export { SealedSecretError, type SealedSecretProblem } from './crypto/secret-box.error';

// clock
export { Clock, FixedClock, SystemClock } from './clock/clock';

// errors
export { ConflictError, DomainError, type FieldError, NotFoundError, ValidationFailedError } from './errors/domain.errors';

// database
export { createDatabase, type DatabaseOptions } from './database/create-database';
export { DATABASE } from './database/database.constants';
export { describeDatabaseUrl, parseDatabaseUrl, type DatabaseTarget } from './database/database-url';
export { dialectOf, type SqlDialect } from './database/dialect';
export type { Migration, MigrationSet } from './database/migration-set';
export type { NetkeepDatabase } from './database/netkeep-database';
export { prepareQuery, type PreparedQuery } from './database/prepared-query';
export { isoTimestamp, toBoolean } from './database/portable-schema';
export { MigrationError, runMigrations, type AppliedMigration } from './database/run-migrations';

// ssh host keys
export { DatabaseHostKeyStore, type RecordedHostKey } from './host-keys/database-host-key-store';

// auth
export { ADMIN_TOKEN_FILE, AdminTokenBootstrap } from './auth/admin-token.bootstrap';
export { API_TOKEN_PREFIX, generateApiToken, hashApiToken, hashesEqual } from './auth/api-token';
export { ApiTokensRepository, type ApiTokenRecord, type NewApiToken } from './auth/api-tokens.repository';
export { ApiTokensService, type CreateApiToken, type IssuedApiToken } from './auth/api-tokens.service';
export { AuthGuard } from './auth/auth.guard';
export { coreMigrations } from './auth/core.migrations';
export { CurrentPrincipal } from './auth/current-principal.decorator';
export { CreateTokenDto } from './auth/dto/create-token.dto';
export { IssuedTokenView, TokenListView, TokenView } from './auth/dto/token.view';
export type { Principal } from './auth/principal';
export { Public } from './auth/public.decorator';
export { ASSIGNABLE_ROLES, isAssignableRole, roleSatisfies, type AssignableRole, type Role } from './auth/role';
export { Roles } from './auth/roles.decorator';
export { TokenAuthenticator, type Authentication } from './auth/token-authenticator';
export { TokensController } from './auth/tokens.controller';
export { WhoamiView } from './auth/dto/whoami.view';
export { WhoamiController } from './auth/whoami.controller';

// http
export { API_DOCS_PATH, apiDocumentConfig } from './http/api-docs';
export { previewApiDocument } from './http/preview-api-document';
export { bootstrapNetkeepApp, type NetkeepAppOptions } from './http/bootstrap-netkeep-app';
export { NetkeepExceptionFilter, type ErrorBody } from './http/exception.filter';
export { installGracefulShutdown, type GracefulShutdownOptions } from './http/graceful-shutdown';
export { runNetkeepProcess, type NetkeepProcess } from './http/run-netkeep-process';
export { createValidationPipe, flattenValidationErrors } from './http/validation.pipe';

// web console
export { embeddedWebConsoleCandidates, locateWebConsole, type WebConsoleLocation } from './web-console/locate-web-console';
export { mountWebConsole } from './web-console/web-console';

// logging
export { createLogger, type NetkeepLogger } from './logging/create-logger';
export { LOGGER } from './logging/logging.constants';
export { NestLoggerAdapter } from './logging/nest-logger.adapter';
export { loggerFor } from './logging/process-logger';
export { isSecretKey, REDACTED, redactSecrets, scrubText } from './logging/redaction';

// health, metrics, redis
export { HealthController } from './health/health.controller';
export { createMetricsRegistry } from './metrics/create-metrics-registry';
export { HttpMetrics } from './metrics/http-metrics';
export { METRIC_PREFIX, METRICS_REGISTRY } from './metrics/metrics.constants';
export { MetricsController } from './metrics/metrics.controller';
export { closeRedis, createRedis } from './redis/create-redis';
export { REDIS } from './redis/redis.constants';
export { ensureEmbeddedRedis, MissingDependencyError, type EmbeddedRedis } from './redis/embedded-redis';

// composition
export { CoreModule, type CoreModuleOptions } from './core.module';
export { mountDomains, type NetkeepDomain } from './netkeep-domain';

// testing helpers (for specs of every lib)
export { createLogCapture, type LogCapture } from './testing/log-capture';
export { createTestDatabase, type TestDatabase, type TestDatabaseKind } from './testing/test-database';
export { startTestApp, type TestApp, type TestAppOptions, type TestResponse } from './testing/test-app';
// queues (BullMQ)
export { DEFAULT_WORKER_CLOSE_TIMEOUT_MS, QueueConnections, type QueueOptions, type QueueWorkerOptions } from './queue/queue-connections';
export { QueueModule } from './queue/queue.module';
export { queuePrefix } from './queue/queue-prefix';
export { deleteRedisKeys } from './queue/delete-redis-keys';
