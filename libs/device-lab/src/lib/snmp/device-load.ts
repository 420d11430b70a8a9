import { SeededRandom } from '../personas/seeded-random';

/** CPU and memory of a device at an instant: slow deterministic waves around a per-device level. */
export interface DeviceLoad {
  /** Whole percent, averaged over 5 s, 1 min and 5 min as Cisco's cpmCPUTotal*Rev report it. */
  cpuPercent5s: number;
  cpuPercent1m: number;
  cpuPercent5m: number;
  memoryTotalBytes: number;
  memoryUsedBytes: number;
}

const TWO_PI = 2 * Math.PI;

export function deviceLoad(deviceName: string, uptimeMs: number, memoryTotalBytes: number): DeviceLoad {
  const rng = new SeededRandom(`load/${deviceName}`);
  const cpuBase = 8 + rng.next() * 27;
  const cpuSwing = 3 + rng.next() * 7;
  const cpuPeriodMs = (600 + rng.next() * 3000) * 1000;
  const phase = rng.next() * TWO_PI;
  const memoryShare = 0.35 + rng.next() * 0.25;
  const cpuAt = (ms: number): number => {
    const wave = Math.sin((TWO_PI * Math.max(0, ms)) / cpuPeriodMs + phase);
    return Math.max(1, Math.min(100, Math.round(cpuBase + cpuSwing * wave)));
  };
  const memoryWave = 0.03 * Math.sin((TWO_PI * uptimeMs) / (cpuPeriodMs * 7) + phase);
  return {
    cpuPercent5s: cpuAt(uptimeMs),
    cpuPercent1m: cpuAt(uptimeMs - 30_000),
    cpuPercent5m: cpuAt(uptimeMs - 150_000),
    memoryTotalBytes,
    memoryUsedBytes: Math.round(memoryTotalBytes * (memoryShare + memoryWave)),
  };
}
