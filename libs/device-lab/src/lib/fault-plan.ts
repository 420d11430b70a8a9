import { deriveBytes } from './lab-seed';
import { LabConfigError } from './lab-errors';
import { LAB_FAULT_NAMES, isLabFault, type LabFault } from './lab-faults';

/** How many devices get each fault (`hang-mid-output:2,auth-fail:1`). */
export type FaultCounts = Partial<Record<LabFault, number>>;

/** Which faults a new fleet starts with: exact counts, a share of the fleet spread over every mode, or both. */
export interface FaultPlan {
  counts?: FaultCounts;
  /** Share of devices (0-1) that get one fault each, cycling through every fault mode. */
  rate?: number;
}

export function parseFaultCounts(spec: string): FaultCounts {
  const counts: FaultCounts = {};
  for (const entry of spec.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const [name, countText = '1', extra] = entry.split(':');
    const count = Number(countText);
    if (extra !== undefined || !isLabFault(name) || !Number.isInteger(count) || count < 0) {
      throw new LabConfigError(
        `fault "${entry}" is not <fault>[:<count>]; faults: ${LAB_FAULT_NAMES.join(', ')}`,
      );
    }
    counts[name] = (counts[name] ?? 0) + count;
  }
  return counts;
}

/** Faults per device index. Devices are picked in a seeded order, so placement is deterministic. */
export function planFaults(deviceCount: number, plan: FaultPlan, seed: string): LabFault[][] {
  const requested: LabFault[] = [];
  for (const fault of LAB_FAULT_NAMES) {
    for (let i = 0; i < (plan.counts?.[fault] ?? 0); i++) requested.push(fault);
  }
  const rate = plan.rate ?? 0;
  if (!(rate >= 0 && rate <= 1)) throw new LabConfigError(`fault rate ${rate} is not between 0 and 1`);
  const byRate = Math.round(deviceCount * rate);
  for (let i = 0; i < byRate; i++) requested.push(LAB_FAULT_NAMES[i % LAB_FAULT_NAMES.length]);
  if (requested.length > deviceCount) {
    throw new LabConfigError(`${requested.length} faulty devices requested, but the fleet has ${deviceCount}`);
  }

  const order = Array.from({ length: deviceCount }, (_, index) => ({
    index,
    rank: deriveBytes(seed, `fault-order:${index}`).readUInt32BE(0),
  })).sort((a, b) => a.rank - b.rank || a.index - b.index);

  const faults: LabFault[][] = Array.from({ length: deviceCount }, () => []);
  requested.forEach((fault, position) => faults[order[position].index].push(fault));
  return faults;
}
