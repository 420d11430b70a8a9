import { ConfigError, type ConfigProblem, type ConfigVariable } from '@netkeep/core';
import type { PhaseTimeouts } from '@netkeep/ssh';

/** Which parts of the backup domain a process runs. */
export type BackupRole = 'all' | 'api' | 'worker';
export const BACKUP_ROLES: readonly BackupRole[] = ['all', 'api', 'worker'];

/** The backup domain's settings, from NETKEEP_BACKUP_*, NETKEEP_SYSLOG_* and NETKEEP_WEBHOOK_* variables. */
export interface BackupSettings {
  role: BackupRole;
  /** Device sessions one worker process runs at once. */
  concurrency: number;
  /** Queued outcomes (of role worker processes) the archive's writer takes at once: the stores among them are committed together. */
  archiveConcurrency: number;
  /** Sessions at once to the devices of one site, over every worker process; 0: no limit. */
  siteConcurrency: number;
  attempts: number;
  /** First retry delay; doubles with each attempt. */
  backoffMs: number;
  timeouts: PhaseTimeouts;
  /** How long a device lock, a site slot and a job lock outlive a process that died holding them. */
  lockMs: number;
  maskSecrets: boolean;
  /** Facts (model, serial, OS version) are read again when older than this; 0: at every backup. */
  factsMaxAgeMs: number;
  /** UDP port of the syslog listener; 0: off. */
  syslogPort: number;
  /** Default: NETKEEP_HOST. */
  syslogHost?: string;
  /** Change messages for one device within this window make one backup. */
  syslogDebounceMs: number;
  webhookAttempts: number;
  webhookBackoffMs: number;
  webhookTimeoutMs: number;
  /** How often unfinished runs are checked for jobs Redis lost. */
  superviseIntervalMs: number;
}

export const BACKUP_CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'NETKEEP_BACKUP_ROLE', default: 'all', meaning: 'all: API, archive and SSH workers; api: API and archive (no SSH workers); worker: SSH workers only (scale these out).' },
  { name: 'NETKEEP_BACKUP_CONCURRENCY', default: '10', meaning: 'Device sessions each worker process runs at once.' },
  { name: 'NETKEEP_BACKUP_ARCHIVE_CONCURRENCY', default: '64', meaning: 'Outcomes of worker processes (role worker) the archive writer (role all or api) takes off its queue at once; the configurations among them are committed as one batch. Role all records the outcomes of its own workers directly.' },
  { name: 'NETKEEP_BACKUP_SITE_CONCURRENCY', default: '4', meaning: 'Sessions at once to the devices of one site, over all workers (0: no limit).' },
  { name: 'NETKEEP_BACKUP_ATTEMPTS', default: '3', meaning: 'Tries per device for transient failures (timeouts, closed connections); auth and host-key failures are tried once.' },
  { name: 'NETKEEP_BACKUP_BACKOFF_MS', default: '5000', meaning: 'Delay before the first retry; doubles with each retry.' },
  { name: 'NETKEEP_BACKUP_CONNECT_TIMEOUT_MS', default: '10000', meaning: 'TCP connect and SSH key exchange.' },
  { name: 'NETKEEP_BACKUP_AUTH_TIMEOUT_MS', default: '10000', meaning: 'SSH authentication.' },
  { name: 'NETKEEP_BACKUP_PROMPT_TIMEOUT_MS', default: '15000', meaning: 'Login to first prompt, and each step of session preparation.' },
  { name: 'NETKEEP_BACKUP_COMMAND_IDLE_TIMEOUT_MS', default: '20000', meaning: 'Silence allowed while a command output is still arriving.' },
  { name: 'NETKEEP_BACKUP_COMMAND_TIMEOUT_MS', default: '300000', meaning: 'Hard limit for one command.' },
  { name: 'NETKEEP_BACKUP_LOCK_MS', default: '30000', meaning: 'Lifetime of device locks, site slots and job locks left by a worker that died; they are renewed while held.' },
  { name: 'NETKEEP_BACKUP_MASK_SECRETS', default: 'true', meaning: 'Mask passwords and keys in stored configurations.' },
  { name: 'NETKEEP_BACKUP_FACTS_MAX_AGE_HOURS', default: '24', meaning: 'Read model, serial and OS version again when the inventory holds facts older than this (0: at every backup).' },
  { name: 'NETKEEP_SYSLOG_PORT', default: '0 (off)', meaning: 'UDP port of the syslog listener that backs a device up when it logs a configuration change (514 needs privileges; try 5514).' },
  { name: 'NETKEEP_SYSLOG_HOST', default: 'NETKEEP_HOST', meaning: 'Address the syslog listener binds to.' },
  { name: 'NETKEEP_SYSLOG_DEBOUNCE_MS', default: '5000', meaning: 'Change messages of one device within this window make one backup, taken when the window ends.' },
  { name: 'NETKEEP_WEBHOOK_ATTEMPTS', default: '6', meaning: 'Tries per webhook delivery.' },
  { name: 'NETKEEP_WEBHOOK_BACKOFF_MS', default: '2000', meaning: 'Delay before the first webhook retry; doubles with each retry.' },
  { name: 'NETKEEP_WEBHOOK_TIMEOUT_MS', default: '10000', meaning: 'Time a webhook receiver has to answer.' },
];

type Env = Record<string, string | undefined>;

/** Reads and validates the backup variables; throws one `ConfigError` naming each bad variable, in core's words. */
export function loadBackupSettings(env: Env = process.env): BackupSettings {
  const problems: ConfigProblem[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const fail = (variable: string, problem: string): undefined => {
    problems.push({ variable, problem: `${variable} ${problem}` });
    return undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number, unit = ''): number => {
    const text = read(name);
    if (text === undefined) return fallback;
    const value = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= min && value <= max)) {
      fail(name, `must be an integer from ${min} to ${max}${unit} (got "${text}")`);
      return fallback;
    }
    return value;
  };
  const ms = (name: string, fallback: number, min = 100) => integer(name, fallback, min, 3_600_000, ' milliseconds');

  const roleText = (read('NETKEEP_BACKUP_ROLE') ?? 'all').toLowerCase();
  const role = BACKUP_ROLES.includes(roleText as BackupRole) ? (roleText as BackupRole) : (fail('NETKEEP_BACKUP_ROLE', `must be one of ${BACKUP_ROLES.join(', ')} (got "${roleText}")`), 'all');
  const maskText = (read('NETKEEP_BACKUP_MASK_SECRETS') ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(maskText)) fail('NETKEEP_BACKUP_MASK_SECRETS', `must be true or false (got "${maskText}")`);
  const syslogHost = read('NETKEEP_SYSLOG_HOST');
  if (syslogHost !== undefined && /\s/.test(syslogHost)) fail('NETKEEP_SYSLOG_HOST', `must be a host name or address without spaces (got "${syslogHost}")`);

  const settings: BackupSettings = {
    role,
    concurrency: integer('NETKEEP_BACKUP_CONCURRENCY', 10, 1, 1000),
    archiveConcurrency: integer('NETKEEP_BACKUP_ARCHIVE_CONCURRENCY', 64, 1, 1000),
    siteConcurrency: integer('NETKEEP_BACKUP_SITE_CONCURRENCY', 4, 0, 1000),
    attempts: integer('NETKEEP_BACKUP_ATTEMPTS', 3, 1, 20),
    backoffMs: ms('NETKEEP_BACKUP_BACKOFF_MS', 5_000, 0),
    timeouts: {
      connectMs: ms('NETKEEP_BACKUP_CONNECT_TIMEOUT_MS', 10_000),
      authMs: ms('NETKEEP_BACKUP_AUTH_TIMEOUT_MS', 10_000),
      promptMs: ms('NETKEEP_BACKUP_PROMPT_TIMEOUT_MS', 15_000),
      commandIdleMs: ms('NETKEEP_BACKUP_COMMAND_IDLE_TIMEOUT_MS', 20_000),
      commandTotalMs: ms('NETKEEP_BACKUP_COMMAND_TIMEOUT_MS', 300_000),
    },
    lockMs: ms('NETKEEP_BACKUP_LOCK_MS', 30_000, 1_000),
    maskSecrets: maskText === 'true' || maskText === '1',
    factsMaxAgeMs: integer('NETKEEP_BACKUP_FACTS_MAX_AGE_HOURS', 24, 0, 24 * 365, ' hours') * 3_600_000,
    syslogPort: integer('NETKEEP_SYSLOG_PORT', 0, 0, 65535),
    syslogHost,
    syslogDebounceMs: ms('NETKEEP_SYSLOG_DEBOUNCE_MS', 5_000, 0),
    webhookAttempts: integer('NETKEEP_WEBHOOK_ATTEMPTS', 6, 1, 50),
    webhookBackoffMs: ms('NETKEEP_WEBHOOK_BACKOFF_MS', 2_000, 0),
    webhookTimeoutMs: ms('NETKEEP_WEBHOOK_TIMEOUT_MS', 10_000),
    superviseIntervalMs: 30_000,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return settings;
}
