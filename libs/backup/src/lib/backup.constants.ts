/** One job per device per run: open a session, fetch, hand the configuration to the archive queue. */
export const BACKUP_QUEUE = 'backup';
/** Outcomes of device jobs (a configuration to store, or a failure), consumed by the archive's one writer. */
export const ARCHIVE_QUEUE = 'backup-archive';
/** One job scheduler per enabled policy. */
export const SCHEDULES_QUEUE = 'backup-schedules';
/** Debounced event-driven backups (syslog). */
export const TRIGGERS_QUEUE = 'backup-triggers';
/** Webhook deliveries, retried with backoff. */
export const WEBHOOKS_QUEUE = 'webhooks';

/** Injection token of the validated `BackupSettings`. */
export const BACKUP_SETTINGS = Symbol('NETKEEP_BACKUP_SETTINGS');
