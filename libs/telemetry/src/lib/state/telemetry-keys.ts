/**
 * Where the telemetry domain keeps its state in Redis, all under NETKEEP_REDIS_PREFIX
 * (BullMQ's own keys live apart, under `<prefix>queue:telemetry-poll:`):
 *
 * - `telemetry:devices`                  hash, device id → scheduled device (name, interval, source): who /metrics covers
 * - `telemetry:current:<id>`             string, JSON DeviceSnapshot: last good sample (exact counters) and its rates
 * - `telemetry:poll:<id>`                hash, poll status: last poll, duration, error, counts per error kind
 * - `telemetry:history:<id>`             list, newest first, one entry per poll (every interface's status and rates), trimmed to the window's points
 * - `telemetry:lock:<id>`                string, held while one poll of the device runs
 * - `telemetry:sync-lock`                string, held by the replica reconciling the schedules
 *
 * Every per-device key expires a little after the history window unless polls refresh it,
 * so a removed device ages out with nothing left to clean.
 */
export class TelemetryKeys {
  private readonly base: string;

  constructor(redisPrefix: string) {
    this.base = `${redisPrefix}telemetry:`;
  }

  get devices(): string {
    return `${this.base}devices`;
  }

  get syncLock(): string {
    return `${this.base}sync-lock`;
  }

  current(deviceId: string): string {
    return `${this.base}current:${deviceId}`;
  }

  poll(deviceId: string): string {
    return `${this.base}poll:${deviceId}`;
  }

  lock(deviceId: string): string {
    return `${this.base}lock:${deviceId}`;
  }

  history(deviceId: string): string {
    return `${this.base}history:${deviceId}`;
  }
}

/**
 * The hard cap on a device's history: an hour at a 5 s interval. Below 5 s the history is
 * shorter than the window rather than unbounded (about 45 KB per interface at most).
 */
export const MAX_HISTORY_ENTRIES = 720;

/** Entries a device's history holds: the window at the device's interval, plus the one that starts it, at most MAX_HISTORY_ENTRIES. */
export function historyLength(historySeconds: number, intervalSeconds: number): number {
  return Math.min(MAX_HISTORY_ENTRIES, Math.ceil(historySeconds / intervalSeconds) + 1);
}

/** How long per-device keys outlive the last poll that wrote them. */
export function stateTtlSeconds(historySeconds: number, intervalSeconds: number): number {
  return historySeconds + 2 * intervalSeconds;
}
