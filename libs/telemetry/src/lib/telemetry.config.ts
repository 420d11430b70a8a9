import { ConfigError, type ConfigProblem, type ConfigVariable } from '@netkeep/core';

/** Which parts of the telemetry domain a process runs. */
export type TelemetryRole = 'all' | 'api' | 'poller';
export const TELEMETRY_ROLES: readonly TelemetryRole[] = ['all', 'api', 'poller'];

/** The telemetry domain's settings, from NETKEEP_TELEMETRY_* variables. */
export interface TelemetryConfig {
  role: TelemetryRole;
  /** Seconds between polls of a device without an interval of its own. */
  intervalSeconds: number;
  /** Polls one process runs at once. */
  concurrency: number;
  /** One SNMP request, before a retry. */
  snmpTimeoutMs: number;
  snmpRetries: number;
  /** The most one poll may take, everything included; a poll also ends at 90% of its device's interval. */
  pollTimeoutMs: number;
  /** How far back per-interface history goes. */
  historySeconds: number;
  /** How often the schedules are reconciled with the inventory. */
  syncSeconds: number;
  /** How long a poller reuses a device's connection details before asking the inventory again. */
  connectionCacheMs: number;
}

export const TELEMETRY_CONFIG_VARIABLES: readonly ConfigVariable[] = [
  { name: 'NETKEEP_TELEMETRY_ROLE', default: 'all', meaning: 'all: API, schedules, fleet metrics and pollers; api: the same without pollers; poller: pollers only, scaled out as replicas (their /metrics has process metrics only, so Prometheus sees each device once).' },
  { name: 'NETKEEP_TELEMETRY_INTERVAL_SECONDS', default: '60', meaning: 'Seconds between polls of a device (a device may have its own, set through the API).' },
  { name: 'NETKEEP_TELEMETRY_CONCURRENCY', default: '50', meaning: 'Polls each poller process runs at once (polls wait on the network, not the CPU).' },
  { name: 'NETKEEP_TELEMETRY_SNMP_TIMEOUT_MS', default: '2000', meaning: 'Wait for one SNMP answer before a retry.' },
  { name: 'NETKEEP_TELEMETRY_SNMP_RETRIES', default: '1', meaning: 'SNMP retries per request after a timeout.' },
  { name: 'NETKEEP_TELEMETRY_POLL_TIMEOUT_MS', default: '30000', meaning: 'The longest one poll may take; a poll also stops at 90% of its device\'s interval, so a dead device never holds a slot into its next poll.' },
  { name: 'NETKEEP_TELEMETRY_HISTORY_SECONDS', default: '3600', meaning: 'Per-interface history kept in Redis, at poll resolution (at most 720 polls per device: below a 5 s interval the history is shorter).' },
  { name: 'NETKEEP_TELEMETRY_SYNC_SECONDS', default: '60', meaning: 'How often poll schedules are reconciled with the inventory (devices added, removed, disabled).' },
];

type Env = Record<string, string | undefined>;

/** Reads and validates the telemetry variables; throws one `ConfigError` naming each bad variable. */
export function loadTelemetryConfig(env: Env = process.env): TelemetryConfig {
  const problems: ConfigProblem[] = [];
  const read = (name: string): string | undefined => env[name]?.trim() || undefined;
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = read(name);
    if (text === undefined) return fallback;
    const value = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
    if (value >= min && value <= max) return value;
    problems.push({ variable: name, problem: `${name} must be an integer from ${min} to ${max} (got "${text}")` });
    return fallback;
  };
  const roleText = (read('NETKEEP_TELEMETRY_ROLE') ?? 'all').toLowerCase();
  if (!TELEMETRY_ROLES.includes(roleText as TelemetryRole)) {
    problems.push({ variable: 'NETKEEP_TELEMETRY_ROLE', problem: `NETKEEP_TELEMETRY_ROLE must be one of ${TELEMETRY_ROLES.join(', ')} (got "${roleText}")` });
  }
  const config: TelemetryConfig = {
    role: TELEMETRY_ROLES.includes(roleText as TelemetryRole) ? (roleText as TelemetryRole) : 'all',
    intervalSeconds: integer('NETKEEP_TELEMETRY_INTERVAL_SECONDS', 60, 1, 86_400),
    concurrency: integer('NETKEEP_TELEMETRY_CONCURRENCY', 50, 1, 10_000),
    snmpTimeoutMs: integer('NETKEEP_TELEMETRY_SNMP_TIMEOUT_MS', 2_000, 50, 60_000),
    snmpRetries: integer('NETKEEP_TELEMETRY_SNMP_RETRIES', 1, 0, 10),
    pollTimeoutMs: integer('NETKEEP_TELEMETRY_POLL_TIMEOUT_MS', 30_000, 100, 600_000),
    historySeconds: integer('NETKEEP_TELEMETRY_HISTORY_SECONDS', 3_600, 60, 86_400),
    syncSeconds: integer('NETKEEP_TELEMETRY_SYNC_SECONDS', 60, 1, 86_400),
    connectionCacheMs: 30_000,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** A poll's deadline: the configured timeout, and never more than 90% of the device's interval. */
export function pollDeadlineMs(config: Pick<TelemetryConfig, 'pollTimeoutMs'>, intervalSeconds: number): number {
  return Math.max(100, Math.min(config.pollTimeoutMs, Math.floor(intervalSeconds * 1000 * 0.9)));
}
