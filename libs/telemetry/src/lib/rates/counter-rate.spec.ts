import { describe, expect, it } from 'vitest';
import { counterDelta, counterRate, counterRange, divide } from './counter-rate';

const TWO_32 = 2n ** 32n;
const TWO_53 = 2n ** 53n;
const TWO_64 = 2n ** 64n;
const GIG_BYTES = 125_000_000;

describe('counterDelta', () => {
  it.each([
    ['no change', 5n, 5n, 32, 0n, false],
    ['plain increase', 100n, 250n, 32, 150n, false],
    ['32-bit wrap by one', TWO_32 - 1n, 0n, 32, 1n, true],
    ['32-bit wrap across the top', TWO_32 - 10n, 5n, 32, 15n, true],
    ['64-bit wrap by one', TWO_64 - 1n, 0n, 64, 1n, true],
    ['64-bit wrap across the top', TWO_64 - 1000n, 999n, 64, 1999n, true],
    ['64-bit increase through 2^53', TWO_53 - 1n, TWO_53 + 1n, 64, 2n, false],
    ['64-bit increase near 2^64', TWO_64 - 3n, TWO_64 - 1n, 64, 2n, false],
  ] as const)('%s', (_name, previous, current, bits, delta, wrapped) => {
    expect(counterDelta(previous, current, bits)).toEqual({ delta, wrapped });
  });

  it('refuses readings a counter of that width cannot hold', () => {
    expect(() => counterDelta(0n, TWO_32, 32)).toThrow(RangeError);
    expect(() => counterDelta(-1n, 0n, 64)).toThrow(/outside a 64-bit counter/);
    expect(() => counterDelta(TWO_64, 0n, 64)).toThrow(RangeError);
  });

  it('knows each width\'s range', () => {
    expect(counterRange(32)).toBe(4_294_967_296n);
    expect(counterRange(64)).toBe(18_446_744_073_709_551_616n);
  });
});

describe('counterRate', () => {
  it('divides the delta by the interval', () => {
    expect(counterRate({ previous: 1_000n, current: 61_000n, bits: 64, intervalSeconds: 60 })).toEqual({ kind: 'rate', perSecond: 1000, delta: 60_000n, wrapped: false });
  });

  it('keeps 64-bit deltas exact above 2^53, where a float would round them', () => {
    const previous = TWO_53 + 1n;
    const current = previous + 123_456_789_012_345n + 1n;
    const rate = counterRate({ previous, current, bits: 64, intervalSeconds: 1 });
    expect(rate).toMatchObject({ kind: 'rate', delta: 123_456_789_012_346n });
    expect(Number(previous)).toBe(Number(previous - 1n));
  });

  it('turns a 32-bit wrap at line rate into the right rate', () => {
    // 1 Gb/s for 30 s is 3.75e9 bytes: the counter wraps once on the way.
    const previous = TWO_32 - 1_000_000_000n;
    const current = (previous + 3_750_000_000n) % TWO_32;
    expect(counterRate({ previous, current, bits: 32, intervalSeconds: 30, maxPerSecond: GIG_BYTES * 1.1 })).toEqual({
      kind: 'rate', perSecond: GIG_BYTES, delta: 3_750_000_000n, wrapped: true,
    });
  });

  it('turns a 64-bit wrap into the right rate', () => {
    expect(counterRate({ previous: TWO_64 - 500n, current: 1_500n, bits: 64, intervalSeconds: 2, maxPerSecond: 10_000 })).toEqual({
      kind: 'rate', perSecond: 1000, delta: 2000n, wrapped: true,
    });
  });

  it('gives no rate for a 64-bit counter that went back: a reset, not a wrap, never a spike of 2^64', () => {
    expect(counterRate({ previous: 9_000_000_000_000n, current: 1_234n, bits: 64, intervalSeconds: 60, maxPerSecond: GIG_BYTES })).toEqual({ kind: 'gap', reason: 'counter-reset' });
    expect(counterRate({ previous: 9_000_000_000_000n, current: 1_234n, bits: 64, intervalSeconds: 60 })).toEqual({ kind: 'gap', reason: 'counter-reset' });
  });

  it('gives no rate for a 32-bit counter that fell back further than the link could carry', () => {
    // 3e9 → 1e9 would need 2.29e9 bytes in 10 s on a 1G link (max 1.25e9).
    expect(counterRate({ previous: 3_000_000_000n, current: 1_000_000_000n, bits: 32, intervalSeconds: 10, maxPerSecond: GIG_BYTES })).toEqual({ kind: 'gap', reason: 'counter-reset' });
  });

  it('with no known speed, believes a wrap only when it covers less than half the range', () => {
    expect(counterRate({ previous: TWO_32 - 100n, current: 100n, bits: 32, intervalSeconds: 1 })).toMatchObject({ kind: 'rate', delta: 200n, wrapped: true });
    expect(counterRate({ previous: 1_000_000_000n, current: 5n, bits: 32, intervalSeconds: 1 })).toEqual({ kind: 'gap', reason: 'counter-reset' });
  });

  it('discards a rise faster than the interface can carry', () => {
    expect(counterRate({ previous: 0n, current: 2_000_000_000n, bits: 64, intervalSeconds: 10, maxPerSecond: GIG_BYTES * 1.5 })).toEqual({ kind: 'gap', reason: 'implausible' });
    expect(counterRate({ previous: 0n, current: 1_875_000_000n, bits: 64, intervalSeconds: 10, maxPerSecond: GIG_BYTES * 1.5 })).toMatchObject({ kind: 'rate', perSecond: 187_500_000 });
  });

  it('calls a 32-bit counter ambiguous once the link could wrap it more than once in the interval', () => {
    // 1G for 60 s can move 7.5e9 bytes: 0, 1 or 2 wraps all fit the readings.
    expect(counterRate({ previous: 10n, current: 20n, bits: 32, intervalSeconds: 60, maxPerSecond: GIG_BYTES })).toEqual({ kind: 'gap', reason: 'ambiguous-wrap' });
    expect(counterRate({ previous: 10n, current: 20n, bits: 64, intervalSeconds: 60, maxPerSecond: GIG_BYTES })).toMatchObject({ kind: 'rate' });
  });

  it('needs time to pass', () => {
    expect(counterRate({ previous: 0n, current: 10n, bits: 64, intervalSeconds: 0 })).toEqual({ kind: 'gap', reason: 'no-interval' });
    expect(counterRate({ previous: 0n, current: 10n, bits: 64, intervalSeconds: -5 })).toEqual({ kind: 'gap', reason: 'no-interval' });
    expect(counterRate({ previous: 0n, current: 10n, bits: 64, intervalSeconds: Number.NaN })).toEqual({ kind: 'gap', reason: 'no-interval' });
  });

  it('accepts a delta exactly at the ceiling and refuses one count more', () => {
    expect(counterRate({ previous: 0n, current: 1000n, bits: 64, intervalSeconds: 10, maxPerSecond: 100 })).toMatchObject({ kind: 'rate', perSecond: 100 });
    expect(counterRate({ previous: 0n, current: 1001n, bits: 64, intervalSeconds: 10, maxPerSecond: 100 })).toEqual({ kind: 'gap', reason: 'implausible' });
  });
});

describe('divide', () => {
  it('keeps the precision of large deltas over fractional intervals', () => {
    expect(divide(3n, 2)).toBe(1.5);
    expect(divide(10n ** 18n, 0.5)).toBe(2e18);
    expect(divide(TWO_64 - 1n, 1)).toBe(Number(TWO_64 - 1n));
    expect(divide(1_000n, 1.01)).toBeCloseTo(990.099, 3);
  });
});
