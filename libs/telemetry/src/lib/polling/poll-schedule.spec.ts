import { describe, expect, it } from 'vitest';
import { historyLength, stateTtlSeconds } from '../state/telemetry-keys';
import { loadTelemetryConfig, pollDeadlineMs } from '../telemetry.config';
import { deviceIdOfScheduler, pollOffsetMs, schedulerIdOf } from './poll-schedule';

describe('poll schedules', () => {
  it('spreads a fleet evenly over the interval, each device in the same slot every time', () => {
    const intervalMs = 60_000;
    const offsets = Array.from({ length: 1_000 }, (_, i) => pollOffsetMs(`device-${i}`, intervalMs));
    expect(offsets.every((offset) => offset >= 1 && offset < intervalMs)).toBe(true);
    expect(pollOffsetMs('device-7', intervalMs)).toBe(offsets[7]);
    // Ten 6 s buckets of the minute each get close to a tenth of the fleet.
    const buckets = Array.from({ length: 10 }, (_, b) => offsets.filter((offset) => Math.floor(offset / 6_000) === b).length);
    expect(Math.min(...buckets)).toBeGreaterThan(70);
    expect(Math.max(...buckets)).toBeLessThan(130);
  });

  it('names one scheduler per device', () => {
    expect(schedulerIdOf('abc')).toBe('poll:abc');
    expect(deviceIdOfScheduler('poll:abc')).toBe('abc');
    expect(deviceIdOfScheduler('policy.abc')).toBeUndefined();
  });

  it('ends a poll before its next one is due, and bounds history by the interval', () => {
    expect(pollDeadlineMs({ pollTimeoutMs: 30_000 }, 60)).toBe(30_000);
    expect(pollDeadlineMs({ pollTimeoutMs: 30_000 }, 2)).toBe(1_800);
    expect(historyLength(3_600, 60)).toBe(61);
    expect(historyLength(3_600, 7)).toBe(516);
    expect(historyLength(3_600, 1)).toBe(720);
    expect(stateTtlSeconds(3_600, 60)).toBe(3_720);
  });

  it('reads NETKEEP_TELEMETRY_* and names every bad variable', () => {
    expect(loadTelemetryConfig({})).toMatchObject({ role: 'all', intervalSeconds: 60, concurrency: 50, historySeconds: 3_600 });
    expect(loadTelemetryConfig({ NETKEEP_TELEMETRY_ROLE: 'Poller', NETKEEP_TELEMETRY_INTERVAL_SECONDS: '300' })).toMatchObject({ role: 'poller', intervalSeconds: 300 });
    expect(() => loadTelemetryConfig({ NETKEEP_TELEMETRY_ROLE: 'scraper', NETKEEP_TELEMETRY_CONCURRENCY: '0' })).toThrow(
      /NETKEEP_TELEMETRY_ROLE must be one of all, api, poller \(got "scraper"\).*NETKEEP_TELEMETRY_CONCURRENCY must be an integer from 1 to 10000/s,
    );
  });
});
