import type { LabInventoryDevice } from '@netkeep/device-lab';
import { expectedOutcomeOf, type ExpectedOutcome, type StormRole } from './fault-outcomes';

/** Who is who in the storm: each lab device's role, from its lab faults and what the storm did to it. */
export class StormCast {
  private readonly roles = new Map<string, StormRole>();

  constructor(devices: readonly Pick<LabInventoryDevice, 'name' | 'faults'>[]) {
    // The lab spreads its fault rate one fault per device.
    for (const device of devices) this.roles.set(device.name, device.faults[0] ?? 'healthy');
  }

  roleOf(name: string): StormRole {
    const role = this.roles.get(name);
    if (role === undefined) throw new Error(`${name} is not a lab device of the storm`);
    return role;
  }

  expectedOutcome(name: string): ExpectedOutcome {
    return expectedOutcomeOf(this.roleOf(name));
  }

  /** Gives a healthy device a new role; a device already faulty keeps its own. */
  recast(name: string, role: Extract<StormRole, 'host-key change' | 'made to hang'>): void {
    if (this.roleOf(name) !== 'healthy') throw new Error(`${name} is ${this.roleOf(name)}, not healthy`);
    this.roles.set(name, role);
  }

  names(role: StormRole): string[] {
    return [...this.roles].filter(([, each]) => each === role).map(([name]) => name);
  }

  /** Devices per role, most common first. */
  tally(): [StormRole, number][] {
    const counts = new Map<StormRole, number>();
    for (const role of this.roles.values()) counts.set(role, (counts.get(role) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }

  /** How many runs must end archived and failed. */
  expectedTotals(): { archived: number; failed: number } {
    const totals = { archived: 0, failed: 0 };
    for (const name of this.roles.keys()) totals[this.expectedOutcome(name).status]++;
    return totals;
  }
}
