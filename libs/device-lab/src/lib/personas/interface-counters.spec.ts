import { describe, expect, it } from 'vitest';
import { interfaceCounters, linkStatus, trafficProfile, type CounterView } from './interface-counters';

const BOOT = new Date('2025-01-01T00:00:00Z');
const view = (secondsAfterBoot: number, links: CounterView['state']['links'] = {}): CounterView => ({
  device: { name: 'lab-ios-0001', bootedAt: BOOT },
  state: { links },
  now: new Date(BOOT.getTime() + secondsAfterBoot * 1000),
});
const gig = { name: 'GigabitEthernet1/0/1', speedMbps: 1000, adminUp: true };

describe('interface counter model', () => {
  it('counts from zero at boot at a whole number of bytes per second, so N seconds add exactly rate × N', () => {
    const { inBytesPerSecond, outBytesPerSecond } = trafficProfile('lab-ios-0001', gig);
    expect(interfaceCounters(view(0), gig)).toMatchObject({ inOctets: 0n, outOctets: 0n, inPackets: 0 });
    const at = (s: number) => interfaceCounters(view(s), gig);
    expect(at(1_000_037).inOctets - at(1_000_000).inOctets).toBe(BigInt(inBytesPerSecond) * 37n);
    expect(at(1_000_037).outOctets - at(1_000_000).outOctets).toBe(BigInt(outBytesPerSecond) * 37n);
  });

  it('is the same for the same device, interface and instant, and differs between interfaces', () => {
    expect(interfaceCounters(view(12_345), gig)).toEqual(interfaceCounters(view(12_345), { ...gig }));
    expect(trafficProfile('lab-ios-0001', gig)).not.toEqual(trafficProfile('lab-ios-0001', { ...gig, name: 'GigabitEthernet1/0/2' }));
  });

  it('keeps every rate within line rate, and runs about one port in eight near it', () => {
    const profiles = Array.from({ length: 800 }, (_, i) => trafficProfile(`lab-ios-${i}`, gig));
    for (const profile of profiles) {
      expect(profile.inBytesPerSecond).toBeLessThanOrEqual(125_000_000 * 0.97);
      expect(profile.outBytesPerSecond).toBeLessThanOrEqual(125_000_000 * 0.98);
    }
    const hot = profiles.filter((profile) => profile.inBytesPerSecond >= 125_000_000 * 0.8).length;
    expect(hot).toBeGreaterThan(60);
    expect(hot).toBeLessThan(140);
  });

  it('stays exact beyond 2^53 on a fast port that has been up long enough', () => {
    const hundred = { name: 'et-0/0/0', speedMbps: 100_000, adminUp: true };
    const device = Array.from({ length: 200 }, (_, i) => `lab-junos-${i}`).find((name) => trafficProfile(name, hundred).inBytesPerSecond > 1e10) ?? '';
    const { inBytesPerSecond } = trafficProfile(device, hundred);
    const seconds = 3 * 365 * 86_400;
    const counters = interfaceCounters({ ...view(seconds), device: { name: device, bootedAt: BOOT } }, hundred);
    expect(counters.inOctets).toBeGreaterThan(2n ** 53n);
    expect(counters.inOctets).toBe(BigInt(inBytesPerSecond) * BigInt(seconds));
  });

  it('counts nothing on a shut port', () => {
    expect(interfaceCounters(view(5_000), { ...gig, adminUp: false })).toMatchObject({ operUp: false, inOctets: 0n, outOctets: 0n });
  });

  it('stops counting while the knob holds a link down and resumes where it stopped', () => {
    const rate = BigInt(trafficProfile('lab-ios-0001', gig).inBytesPerSecond);
    const downAt = new Date(BOOT.getTime() + 1_000_000_000);
    const down = { [gig.name]: { downSince: downAt, downMs: 0, changedAt: downAt, transitions: 1 } };
    expect(interfaceCounters(view(1_000_500, down), gig)).toMatchObject({ operUp: false, inOctets: rate * 1_000_000n, inBitsPerSecond: 0 });
    const upAt = new Date(BOOT.getTime() + 1_000_600_000);
    const upAgain = { [gig.name]: { downMs: 600_000, changedAt: upAt, transitions: 2 } };
    expect(interfaceCounters(view(1_000_700, upAgain), gig)).toMatchObject({ operUp: true, inOctets: rate * 1_000_100n });
    expect(linkStatus(view(1_000_700, upAgain), gig)).toEqual({ operUp: true, upMillis: 1_000_100_000, lastChangeMillis: 1_000_600_000 });
  });
});
