import type { LabProcess } from '@netkeep/testing';
import { TELEMETRY_POLL_QUEUE } from '@netkeep/telemetry';
import { waitFor, type Api } from '../../e2e/support/platform-process';
import { openLabSessions, type OpenLabSessions } from './lab-control';
import { restingMemory, type RestingMemory } from './process-memory';
import type { ActiveJob, QueueCensus } from './queue-census';

/** What a wait for the storm to settle saw last, and how long it waited. */
export interface Settled<T> {
  value: T;
  waitedMs: number;
}

/** Polls `read` until `done` accepts its value or `boundMs` passes; either way returns the last value read. */
async function settle<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, boundMs: number, everyMs: number): Promise<Settled<T>> {
  const started = performance.now();
  let last = await read();
  if (!done(last)) {
    await waitFor(
      what,
      async () => {
        last = await read();
        return done(last) ? true : undefined;
      },
      boundMs,
      everyMs,
    ).catch(() => undefined);
  }
  return { value: last, waitedMs: performance.now() - started };
}

/** Until the lab reports no open SSH session. */
export function labSessionsClosed(lab: LabProcess, boundMs: number): Promise<Settled<OpenLabSessions>> {
  return settle('every lab session to close', () => openLabSessions(lab), (sessions) => sessions.open === 0, boundMs, 250);
}

/** Until no telemetry poll has been active for longer than an interval (a poll stops at 90% of it). */
export function pollsTakenBack(queues: QueueCensus, intervalMs: number, boundMs: number): Promise<Settled<ActiveJob[]>> {
  const tooLong = async () => {
    const active = await queues.active(TELEMETRY_POLL_QUEUE);
    const sampledAt = Date.now();
    return active.filter((job) => sampledAt - (job.processedOn ?? sampledAt) > intervalMs);
  };
  return settle('every telemetry poll active longer than an interval to be taken back', tooLong, (jobs) => jobs.length === 0, boundMs, 1_000);
}

/** Until the process's resting RSS floor is under `limitMb`. */
export function memoryRested(pid: number, windowMs: number, limitMb: number, boundMs: number): Promise<Settled<RestingMemory>> {
  return settle('the resting RSS to come back under its limit', () => restingMemory(pid, windowMs), (memory) => memory.floorMb < limitMb, boundMs, 0);
}

/** Of the devices telemetry lists, how many were polled successfully after `sinceMs` (epoch ms). */
export interface PolledSince {
  devices: number;
  polledSince: number;
}

/** Until every device has been polled successfully since `sinceMs`. */
export function everyDevicePolledSince(api: Api, sinceMs: number, boundMs: number): Promise<Settled<PolledSince>> {
  const read = async (): Promise<PolledSince> => {
    const { results } = await api.get<{ results: { poll: { lastSuccessAt: string | null } }[] }>('/telemetry/devices');
    const polledSince = results.filter((device) => device.poll.lastSuccessAt !== null && Date.parse(device.poll.lastSuccessAt) > sinceMs).length;
    return { devices: results.length, polledSince };
  };
  return settle('every device polled since', read, (polled) => polled.polledSince === polled.devices, boundMs, 1_000);
}
