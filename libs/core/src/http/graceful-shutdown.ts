import type { INestApplication } from '@nestjs/common';
import type { NetkeepLogger } from '../logging/create-logger';

export interface GracefulShutdownOptions {
  /** Hard limit from the signal to the exit. */
  timeoutMs?: number;
  signals?: NodeJS.Signals[];
  exit?: (code: number) => void;
  /** Runs once the app is closed: processes the app started (an embedded Redis) stop last. */
  afterClose?: () => Promise<void> | void;
}

/**
 * On SIGTERM/SIGINT: stop accepting connections and let in-flight requests finish, then run
 * Nest's shutdown hooks (database, Redis, queues close in onApplicationShutdown), then exit 0.
 * Nest's enableShutdownHooks() is not used: it re-raises the signal, so the exit code would not be 0.
 * If closing takes longer than the limit, the process exits 1.
 */
export function installGracefulShutdown(app: INestApplication, logger: NetkeepLogger, options: GracefulShutdownOptions = {}): void {
  const { timeoutMs = 10_000, signals = ['SIGTERM', 'SIGINT'], exit = (code: number) => process.exit(code) } = options;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${signal}: shutting down`);
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs }, `shutdown took longer than ${timeoutMs} ms; exiting`);
      exit(1);
    }, timeoutMs - 500);
    deadline.unref();
    try {
      // Drain HTTP first: app.close() runs the hooks that close the database before it closes the server.
      await app.getHttpAdapter().close();
      await app.close();
      await options.afterClose?.();
      logger.info('stopped');
      clearTimeout(deadline);
      exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      exit(1);
    }
  };
  for (const signal of signals) process.once(signal, (received: NodeJS.Signals) => void stop(received));
}
