import type { StormRole } from './fault-outcomes';
import type { RestingMemory } from './process-memory';

/** The figures of one storm, for the summary it prints whether its properties held or not. */
export interface StormReport {
  devices: number;
  roles: [StormRole, number][];
  expected: { archived: number; failed: number };
  progress: { succeeded: number; unchanged: number; failed: number; queued: number; running: number };
  setupMs: number;
  /** From the run's start until it was finished. */
  runMs: number;
  /** From the run's start until its last device outcome. */
  lastOutcomeAtMs: number;
  madeToHangAtMs: number;
  workerKilledAtMs: number;
  jobsHeldByKilledWorker: number;
  redisDownAtMs: number;
  /** SIGTERM until the process exited (it writes its append-only file first). */
  redisStopMs: number;
  /** SIGTERM until the new process answered PING. */
  redisDownMs: number;
  /** From the run's end until the lab reported no open session. */
  sessionsClosedMs: number;
  /** From the run's end until no telemetry poll was left active longer than an interval. */
  pollsClearedMs: number;
  idle: RestingMemory;
  settled: RestingMemory;
  /** From the end of the settling until the settled floor was under the limit (or the wait gave up). */
  memorySettledMs: number;
  /** What the settled floor must stay under. */
  rssLimitMb: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (memory: RestingMemory): string => `${memory.floorMb.toFixed(0)} MB (median ${memory.medianMb.toFixed(0)})`;

export function formatStormSummary(report: StormReport): string {
  const { progress } = report;
  return [
    `fault storm: ${report.devices} devices: ${report.roles.map(([role, count]) => `${role} ${count}`).join(', ')}`,
    `  expected ${report.expected.archived} archived, ${report.expected.failed} failed; ` +
      `the run: ${progress.succeeded} succeeded, ${progress.unchanged} unchanged, ${progress.failed} failed, ${progress.queued + progress.running} unfinished`,
    `  setup ${seconds(report.setupMs)}; run ${seconds(report.runMs)} (last outcome at ${seconds(report.lastOutcomeAtMs)}): ` +
      `devices made to hang at ${seconds(report.madeToHangAtMs)}, a worker killed holding ${report.jobsHeldByKilledWorker} jobs at ${seconds(report.workerKilledAtMs)}, ` +
      `Redis stopped at ${seconds(report.redisDownAtMs)} (exit after ${Math.round(report.redisStopMs)} ms, answering again after ${Math.round(report.redisDownMs)} ms)`,
    `  settled: lab sessions closed ${seconds(report.sessionsClosedMs)} and telemetry polls cleared ${seconds(report.pollsClearedMs)} after the run`,
    `  platform RSS floor: idle ${megabytes(report.idle)}, settled ${megabytes(report.settled)} after ${seconds(report.memorySettledMs)}, limit ${report.rssLimitMb.toFixed(0)} MB`,
  ].join('\n');
}
