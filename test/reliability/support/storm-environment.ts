/** Phase timeouts of the storm's backup processes: short, so that faulty devices give up within seconds. */
export const STORM_TIMEOUTS = {
  connectMs: 3_000,
  authMs: 3_000,
  promptMs: 2_000,
  commandIdleMs: 1_500,
};

/** Sessions per device for transient failures (NETKEEP_BACKUP_ATTEMPTS); auth and host-key failures get one. */
export const STORM_ATTEMPTS = 3;

/**
 * NETKEEP_BACKUP_* for the platform and every worker alike: short timeouts, quick retries, and
 * locks that a killed worker's jobs outlive by seconds, not the default half minute.
 */
export const STORM_BACKUP_ENV: Record<string, string> = {
  NETKEEP_BACKUP_CONCURRENCY: '8',
  NETKEEP_BACKUP_ATTEMPTS: String(STORM_ATTEMPTS),
  NETKEEP_BACKUP_BACKOFF_MS: '200',
  NETKEEP_BACKUP_LOCK_MS: '3000',
  NETKEEP_BACKUP_CONNECT_TIMEOUT_MS: String(STORM_TIMEOUTS.connectMs),
  NETKEEP_BACKUP_AUTH_TIMEOUT_MS: String(STORM_TIMEOUTS.authMs),
  NETKEEP_BACKUP_PROMPT_TIMEOUT_MS: String(STORM_TIMEOUTS.promptMs),
  NETKEEP_BACKUP_COMMAND_IDLE_TIMEOUT_MS: String(STORM_TIMEOUTS.commandIdleMs),
};
