import { describe, expect, it } from 'vitest';
import type { DeviceSample, InterfaceSample } from '../device-sample';
import { deviceRates, sampleInterval } from './device-rates';

const TWO_32 = 2 ** 32;
const T0 = new Date('2026-01-01T00:00:00Z');

function port(overrides: Partial<InterfaceSample> = {}): InterfaceSample {
  return {
    ifIndex: 1, name: 'Gi1/0/1', descr: 'GigabitEthernet1/0/1', alias: '', adminStatus: 'up', operStatus: 'up', speedMbps: 1000,
    counterBits: 64, inOctets: 0n, outOctets: 0n, inErrors: 0n, outErrors: 0n, inDiscards: 0n, outDiscards: 0n, ...overrides,
  };
}

function sample(secondsLater: number, upTimeHundredths: number, interfaces: InterfaceSample[], overrides: Partial<DeviceSample> = {}): DeviceSample {
  return {
    source: 'snmp', takenAt: new Date(T0.getTime() + secondsLater * 1000), sysUpTimeHundredths: upTimeHundredths,
    sysName: 'r1', sysDescr: '', interfaces, ...overrides,
  };
}

describe('sampleInterval', () => {
  it('is the sysUpTime difference, not the poller\'s (a late poll does not bend it)', () => {
    expect(sampleInterval(sample(0, 100_000, []), sample(61.3, 106_000, []))).toEqual({ intervalSeconds: 60, uptimeWrapped: false });
  });

  it('unwraps sysUpTime past 2^32 hundredths (497 days) when the wall clock agrees', () => {
    const before = sample(0, TWO_32 - 3_000, []);
    const after = sample(60, 3_000, []);
    expect(sampleInterval(before, after)).toEqual({ intervalSeconds: 60, uptimeWrapped: true });
  });

  it('calls it a reboot when uptime went back and no wrap explains it', () => {
    expect(sampleInterval(sample(0, 50_000_000, []), sample(60, 1_500, []))).toEqual({ gap: 'reboot', uptimeWrapped: false });
  });

  it('calls it a reboot when uptime advanced much less than the time that passed', () => {
    // Polled at uptime 100 s, then the device restarted and has been up 50 s when polled 300 s later.
    expect(sampleInterval(sample(0, 10_000, []), sample(300, 15_000, []))).toEqual({ gap: 'reboot', uptimeWrapped: false });
  });

  it('trusts snmpEngineBoots and snmpEngineTime where the agent has them', () => {
    const engine = (boots: number, timeSeconds: number) => ({ engine: { boots, timeSeconds } });
    expect(sampleInterval(sample(0, 10_000, [], engine(3, 100)), sample(60, 16_000, [], engine(4, 5)))).toMatchObject({ gap: 'reboot' });
    // The engine clock rules out a wrap the wall clock cannot judge (the poller's clock jumped).
    expect(sampleInterval(sample(0, TWO_32 - 3_000, [], engine(1, 1000)), sample(9_999, 3_000, [], engine(1, 1060)))).toEqual({ intervalSeconds: 60, uptimeWrapped: true });
  });

  it('has no interval when no time passed', () => {
    expect(sampleInterval(sample(0, 10_000, []), sample(0, 10_000, []))).toEqual({ gap: 'no-interval', uptimeWrapped: false });
  });

  it('times CLI samples by the poller\'s clock and spots reboots from the printed uptime', () => {
    const cli = { source: 'cli' as const };
    expect(sampleInterval(sample(0, 360_000, [], cli), sample(90, 366_000, [], cli))).toEqual({ intervalSeconds: 90, uptimeWrapped: false });
    expect(sampleInterval(sample(0, 360_000, [], cli), sample(90, 6_000, [], cli))).toEqual({ gap: 'reboot', uptimeWrapped: false });
  });
});

describe('deviceRates', () => {
  it('gives packets per second where both samples count packets, and nothing where one does not', () => {
    const rates = deviceRates(
      sample(0, 0, [port({ inPackets: 1_000n, outPackets: 2n ** 64n - 10n }), port({ name: 'Gi1/0/2', ifIndex: 2 })]),
      sample(10, 1_000, [port({ inPackets: 6_000n, outPackets: 90n }), port({ name: 'Gi1/0/2', ifIndex: 2, inPackets: 5n })]),
    );
    // The outbound 64-bit packet counter wrapped: 100 packets, not a huge negative.
    expect(rates.interfaces[0].perSecond).toMatchObject({ inPackets: 500, outPackets: 10 });
    expect(rates.interfaces[1].perSecond.inPackets).toBeUndefined();
    expect(rates.interfaces[1].gaps.inPackets).toBeUndefined();
  });

  it('gives octets and bits per second per interface', () => {
    const rates = deviceRates(sample(0, 0, [port()]), sample(60, 6_000, [port({ inOctets: 60_000_000n, outOctets: 6_000n, inErrors: 120n })]));
    expect(rates.intervalSeconds).toBe(60);
    expect(rates.interfaces).toEqual([{
      name: 'Gi1/0/1', ifIndex: 1,
      perSecond: { inOctets: 1_000_000, outOctets: 100, inErrors: 2, outErrors: 0, inDiscards: 0, outDiscards: 0 },
      gaps: {}, inBitsPerSecond: 8_000_000, outBitsPerSecond: 800,
    }]);
  });

  it('gives no rate at all across a reboot: counters that restarted are never a spike', () => {
    const before = sample(0, 500_000_000, [port({ inOctets: 9_000_000_000_000n })]);
    const after = sample(60, 2_000, [port({ inOctets: 1_000n })]);
    const rates = deviceRates(before, after);
    expect(rates.gap).toBe('reboot');
    expect(rates.interfaces[0]).toMatchObject({ perSecond: {}, gaps: { inOctets: 'reboot', outOctets: 'reboot' } });
  });

  it('rides a 32-bit wrap and a sysUpTime wrap in the same interval', () => {
    const before = sample(0, TWO_32 - 1_000, [port({ counterBits: 32, inOctets: 4_294_000_000n })]);
    const after = sample(20, 1_000, [port({ counterBits: 32, inOctets: 2_000_000_000n - 967_296n })]);
    const rates = deviceRates(before, after);
    expect(rates).toMatchObject({ intervalSeconds: 20, uptimeWrapped: true });
    expect(rates.interfaces[0].perSecond.inOctets).toBe(100_000_000);
  });

  it('marks 32-bit counters ambiguous on a link fast enough to wrap them twice in the interval', () => {
    const before = sample(0, 0, [port({ counterBits: 32 })]);
    const after = sample(60, 6_000, [port({ counterBits: 32, inOctets: 5n })]);
    expect(deviceRates(before, after).interfaces[0].gaps.inOctets).toBe('ambiguous-wrap');
  });

  it('treats errors and discards over SNMP as Counter32 whatever the octet counters are', () => {
    const before = sample(0, 0, [port({ inErrors: 4_294_967_290n })]);
    const after = sample(10, 1_000, [port({ inErrors: 10n })]);
    expect(deviceRates(before, after).interfaces[0].perSecond.inErrors).toBe(1.6);
  });

  it('restarts an interface whose discontinuity time moved, and skips new interfaces and changed widths', () => {
    const before = sample(0, 0, [port({ discontinuityHundredths: 0, inOctets: 5_000n }), port({ name: 'Gi1/0/2', ifIndex: 2 })]);
    const after = sample(60, 6_000, [
      port({ discontinuityHundredths: 5_000, inOctets: 10n }),
      port({ name: 'Gi1/0/2', ifIndex: 2, counterBits: 32 }),
      port({ name: 'Gi1/0/3', ifIndex: 3 }),
    ]);
    const gaps = deviceRates(before, after).interfaces.map((rates) => rates.gaps.inOctets);
    expect(gaps).toEqual(['counter-reset', 'not-comparable', 'not-comparable']);
  });

  it('discards a jump faster than the interface (a counter cleared and refilled, a bogus read)', () => {
    const before = sample(0, 0, [port({ inOctets: 1_000n })]);
    const after = sample(10, 1_000, [port({ inOctets: 10n ** 12n })]);
    expect(deviceRates(before, after).interfaces[0]).toMatchObject({ gaps: { inOctets: 'implausible' } });
    expect(deviceRates(before, after).interfaces[0].inBitsPerSecond).toBeUndefined();
  });
});
