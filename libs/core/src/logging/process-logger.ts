import type { NetkeepConfig } from '../config/netkeep-config';
import { createLogger, type NetkeepLogger } from './create-logger';

// One logger per config object, shared by CoreModule (LOGGER), Nest and Fastify: whoever asks first creates it.
const loggers = new WeakMap<NetkeepConfig, NetkeepLogger>();

/** The logger of the app built from `config`: the one given to `CoreModule.forRoot`, else a stdout logger made once. */
export function loggerFor(config: NetkeepConfig): NetkeepLogger {
  let logger = loggers.get(config);
  if (!logger) {
    logger = createLogger(config);
    loggers.set(config, logger);
  }
  return logger;
}

export function setLoggerFor(config: NetkeepConfig, logger: NetkeepLogger): void {
  loggers.set(config, logger);
}
