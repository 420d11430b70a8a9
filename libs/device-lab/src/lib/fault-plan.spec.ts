import { describe, expect, it } from 'vitest';
import { parseFaultCounts, planFaults } from './fault-plan';
import { LAB_FAULT_NAMES } from './lab-faults';

describe('fault plan', () => {
  it('parses counts, a missing count meaning one', () => {
    expect(parseFaultCounts('hang-mid-output:2, auth-fail:1,slow-trickle')).toEqual({
      'hang-mid-output': 2,
      'auth-fail': 1,
      'slow-trickle': 1,
    });
  });

  it.each(['explode:1', 'auth-fail:x', 'auth-fail:-1', 'auth-fail:1:2'])('refuses %s with the known faults listed', (spec) => {
    expect(() => parseFaultCounts(spec)).toThrow(/is not <fault>\[:<count>\]; faults: auth-fail, hang-mid-output/);
  });

  it('gives exactly the requested devices their fault, each a different device, deterministically', () => {
    const plan = planFaults(20, { counts: { 'hang-mid-output': 2, 'auth-fail': 1 } }, 'seed');
    expect(plan).toEqual(planFaults(20, { counts: { 'hang-mid-output': 2, 'auth-fail': 1 } }, 'seed'));
    expect(plan.flat().sort()).toEqual(['auth-fail', 'hang-mid-output', 'hang-mid-output']);
    expect(plan.filter((faults) => faults.length > 0)).toHaveLength(3);
  });

  it('spreads a fault rate across every mode', () => {
    const plan = planFaults(110, { rate: 0.1 }, 'seed');
    expect(plan.filter((faults) => faults.length > 0)).toHaveLength(11);
    expect(new Set(plan.flat())).toEqual(new Set(LAB_FAULT_NAMES));
  });

  it('refuses rates outside 0-1', () => {
    expect(() => planFaults(10, { rate: 1.5 }, 'seed')).toThrow(/between 0 and 1/);
  });
});
