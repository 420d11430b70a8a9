import type { TelemetrySourceSetting } from '@netkeep/contracts';
import { createHash } from 'node:crypto';

/** What every poll job carries: which device, and how to read it. */
export interface PollJob {
  deviceId: string;
  source: TelemetrySourceSetting;
  /** The device's interval when the job was made: bounds the poll's deadline and the history length. */
  intervalSeconds: number;
}

const SCHEDULER_PREFIX = 'poll:';

export const schedulerIdOf = (deviceId: string): string => `${SCHEDULER_PREFIX}${deviceId}`;

export const deviceIdOfScheduler = (schedulerId: string): string | undefined =>
  schedulerId.startsWith(SCHEDULER_PREFIX) ? schedulerId.slice(SCHEDULER_PREFIX.length) : undefined;

/**
 * Where in its interval a device is polled, in ms from the interval's start: a hash of the
 * device id, so a fleet spreads evenly over the interval instead of polling in lock-step,
 * and a device keeps its slot across restarts and replicas. Never 0: BullMQ reads an offset
 * of 0 as "none" and would fire the first poll at once.
 */
export function pollOffsetMs(deviceId: string, intervalMs: number): number {
  const slot = createHash('sha256').update(deviceId).digest().readUInt32BE(0) % intervalMs;
  return slot === 0 ? 1 : slot;
}
