import pino, { type DestinationStream, type Logger } from 'pino';
import type { NetkeepConfig } from '../config/netkeep-config';
import { redactSecrets, scrubText } from './redaction';

export type NetkeepLogger = Logger;

/**
 * The process's structured logger: one JSON line per event, ISO time, level names, and secrets
 * redacted by key name at any depth (see `isSecretKey`) and scrubbed from messages. Pass a
 * `destination` to capture lines (tests); the default writes synchronously to stdout so the
 * last lines before an exit are not lost.
 */
export function createLogger(config: Pick<NetkeepConfig, 'logLevel'>, destination?: DestinationStream): NetkeepLogger {
  const logger = pino(
    {
      level: config.logLevel,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors are serialised inside redactSecrets so their own fields are redacted too.
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactSecrets(bindings) as Record<string, unknown>,
        log: (object) => redactSecrets(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed: unknown[] = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
          // With no message, pino takes the error's own message, past this hook: give it the scrubbed one.
          if (scrubbed.length === 1) {
            const only = scrubbed[0] as { err?: unknown } | null;
            const error = only instanceof Error ? only : only?.err instanceof Error ? only.err : undefined;
            if (error) scrubbed.push(scrubText(error.message));
          }
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
  // pino formats only the root's bindings; children (and their children, which inherit this) go through here.
  const child = logger.child;
  logger.child = function redactedChild(this: NetkeepLogger, bindings, options) {
    return child.call(this, redactSecrets(bindings) as typeof bindings, options);
  } as typeof logger.child;
  return logger;
}
