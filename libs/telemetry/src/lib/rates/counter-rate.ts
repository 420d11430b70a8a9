/**
 * Per-second rates from two readings of one counter, in exact BigInt arithmetic.
 *
 * The rule every SNMP poller is asked for and few keep: a counter that went down is a
 * wrap only when one wrap at a believable rate explains it; otherwise there is no rate for
 * that interval — never a peta-bit spike. Reboots and resets are decided by the caller
 * (device-rates.ts looks at the uptime); this file is the arithmetic.
 */

export type CounterBits = 32 | 64;

/** Why an interval has no rate. */
export type RateGap =
  /** Nothing to compare with yet. */
  | 'first-sample'
  /** The device restarted between the samples (uptime went back). */
  | 'reboot'
  /** The counter restarted: it went down with no believable wrap, or its discontinuity time moved. */
  | 'counter-reset'
  /** Faster than the interface can carry: a reset or a bogus reading, not traffic. */
  | 'implausible'
  /** A 32-bit counter could have wrapped more than once in the interval: the true delta is unknowable. */
  | 'ambiguous-wrap'
  /** No time passed (or the clock went back). */
  | 'no-interval'
  /** The interface is new, gone, or changed its counter width. */
  | 'not-comparable';

export type CounterRate =
  | { kind: 'rate'; perSecond: number; delta: bigint; wrapped: boolean }
  | { kind: 'gap'; reason: RateGap };

export interface CounterRateInput {
  previous: bigint;
  current: bigint;
  bits: CounterBits;
  intervalSeconds: number;
  /**
   * The fastest the counter can believably move, per second (bytes for octet counters);
   * undefined when unknown. A delta above it is discarded, and for a 32-bit counter a
   * ceiling of 2^32 per interval or more makes any reading ambiguous.
   */
  maxPerSecond?: number;
}

const RANGE: Readonly<Record<CounterBits, bigint>> = { 32: 2n ** 32n, 64: 2n ** 64n };

/** The counter's modulus: 2^32 or 2^64. */
export const counterRange = (bits: CounterBits): bigint => RANGE[bits];

/** The increase from `previous` to `current`, assuming at most one wrap. */
export function counterDelta(previous: bigint, current: bigint, bits: CounterBits): { delta: bigint; wrapped: boolean } {
  const range = RANGE[bits];
  for (const [label, value] of [['previous', previous], ['current', current]] as const) {
    if (value < 0n || value >= range) throw new RangeError(`${label} reading ${value} is outside a ${bits}-bit counter`);
  }
  return current >= previous ? { delta: current - previous, wrapped: false } : { delta: current + range - previous, wrapped: true };
}

export function counterRate(input: CounterRateInput): CounterRate {
  const { previous, current, bits, intervalSeconds, maxPerSecond } = input;
  if (!(intervalSeconds > 0) || !Number.isFinite(intervalSeconds)) return { kind: 'gap', reason: 'no-interval' };
  const range = RANGE[bits];
  const ceiling = maxPerSecond === undefined || !(maxPerSecond > 0) ? undefined : ceilingFor(maxPerSecond, intervalSeconds);
  if (bits === 32 && ceiling !== undefined && ceiling >= range) return { kind: 'gap', reason: 'ambiguous-wrap' };
  const { delta, wrapped } = counterDelta(previous, current, bits);
  if (ceiling !== undefined && delta > ceiling) return { kind: 'gap', reason: wrapped ? 'counter-reset' : 'implausible' };
  // With no ceiling, only a wrap that covers less than half the range is believable.
  if (ceiling === undefined && wrapped && delta >= range / 2n) return { kind: 'gap', reason: 'counter-reset' };
  return { kind: 'rate', perSecond: divide(delta, intervalSeconds), delta, wrapped };
}

/** The largest believable delta over the interval, rounded up to a whole count. */
function ceilingFor(maxPerSecond: number, intervalSeconds: number): bigint {
  const limit = maxPerSecond * intervalSeconds;
  return Number.isFinite(limit) ? BigInt(Math.ceil(limit)) : 2n ** 128n;
}

/**
 * delta / seconds as a float, computed so that large deltas keep their precision: the
 * interval is taken in microseconds and the division is done in BigInt first.
 */
export function divide(delta: bigint, seconds: number): number {
  const micros = BigInt(Math.round(seconds * 1_000_000));
  if (micros === 0n) return Number.POSITIVE_INFINITY;
  const scaled = delta * 1_000_000n;
  const whole = scaled / micros;
  const rest = scaled % micros;
  return Number(whole) + Number(rest) / Number(micros);
}
