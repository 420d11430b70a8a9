import { readFile } from 'node:fs/promises';

/** A process's resident set (VmRSS in /proc/<pid>/status), in MB. */
export async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** VmRSS over a window: the level it comes back to between bursts of work (the lowest reading), and the median. */
export interface RestingMemory {
  floorMb: number;
  medianMb: number;
}

/**
 * Samples VmRSS every `everyMs` for `windowMs`. A window spanning a few poll intervals sees the
 * bursts and the collections after them, so its floor does not depend on where a burst fell.
 */
export async function restingMemory(pid: number, windowMs: number, everyMs = 250): Promise<RestingMemory> {
  const readings: number[] = [];
  const end = Date.now() + windowMs;
  do {
    readings.push(await residentMb(pid));
    await new Promise((done) => setTimeout(done, everyMs));
  } while (Date.now() < end);
  readings.sort((a, b) => a - b);
  return { floorMb: readings[0] ?? 0, medianMb: readings[Math.floor(readings.length / 2)] ?? 0 };
}
