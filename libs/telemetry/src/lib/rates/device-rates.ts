import { INTERFACE_COUNTERS, PACKET_COUNTERS, type DeviceSample, type InterfaceCounterName, type InterfaceSample, type PacketCounterName } from '../device-sample';
import { counterRate, type CounterBits, type RateGap } from './counter-rate';

/**
 * Rates between two samples of one device. The interval is device time (sysUpTime), so a
 * poll that was late or slow does not bend the rate; a reboot — uptime going back without
 * a TimeTicks wrap to explain it, the engine boot count moving, or uptime advancing less
 * than the wall clock did — gives no rate at all for that interval.
 */

export interface RateOptions {
  /**
   * A rate may exceed the interface speed by this factor before it is discarded: agents
   * refresh counters every few seconds, so a short interval can catch a burst. Default 1.5.
   */
  speedSlack?: number;
  /** How far device time and wall time may disagree, in seconds; default max(5 s, 10%). */
  clockToleranceSeconds?: (wallSeconds: number) => number;
}

export type DeviceGap = 'reboot' | 'no-interval';

export interface InterfaceRates {
  name: string;
  ifIndex?: number;
  /** Counter units per second (octets for the octet counters, packets for the packet ones), for the counters that have a rate. */
  perSecond: Partial<Record<InterfaceCounterName | PacketCounterName, number>>;
  /** Why the others have none (packet counters only when both samples have them). */
  gaps: Partial<Record<InterfaceCounterName | PacketCounterName, RateGap>>;
  inBitsPerSecond?: number;
  outBitsPerSecond?: number;
}

export interface DeviceRates {
  /** Seconds of device time between the samples; absent when there is no interval. */
  intervalSeconds?: number;
  /** Why no interface has a rate. */
  gap?: DeviceGap;
  /** sysUpTime passed 2^32 hundredths between the samples (every ~497 days) and was unwrapped. */
  uptimeWrapped: boolean;
  interfaces: InterfaceRates[];
}

const TIMETICKS_RANGE = 2 ** 32;
/** The CLI prints uptime to the minute (IOS, EOS): allow that much on top. */
const CLI_UPTIME_RESOLUTION_SECONDS = 60;
/** Shortest Ethernet frame on the wire with preamble and gap: bounds packet (and error) counts. */
const MIN_FRAME_WIRE_BYTES = 84;

const defaultTolerance = (wallSeconds: number): number => Math.max(5, wallSeconds * 0.1);

export interface SampleInterval {
  intervalSeconds?: number;
  gap?: DeviceGap;
  uptimeWrapped: boolean;
}

/** The device time between two samples, or why there is none. */
export function sampleInterval(previous: DeviceSample, current: DeviceSample, options: RateOptions = {}): SampleInterval {
  const tolerance = options.clockToleranceSeconds ?? defaultTolerance;
  const wallSeconds = (current.takenAt.getTime() - previous.takenAt.getTime()) / 1000;
  const none = (gap: DeviceGap): SampleInterval => ({ gap, uptimeWrapped: false });
  if (previous.engine && current.engine) {
    if (current.engine.boots !== previous.engine.boots || current.engine.timeSeconds < previous.engine.timeSeconds) return none('reboot');
  }
  const uptimeDelta = (current.sysUpTimeHundredths - previous.sysUpTimeHundredths) / 100;
  if (current.source === 'cli' || previous.source === 'cli') {
    // CLI uptime never wraps and is coarse: it must not fall behind the wall clock by more than its resolution.
    if (uptimeDelta < wallSeconds - tolerance(wallSeconds) - CLI_UPTIME_RESOLUTION_SECONDS) return none('reboot');
    return wallSeconds > 0 ? { intervalSeconds: wallSeconds, uptimeWrapped: false } : none('no-interval');
  }
  // What the device's other clocks say passed: the engine time if there is one, the poller's otherwise.
  const engineSeconds = previous.engine && current.engine ? current.engine.timeSeconds - previous.engine.timeSeconds : undefined;
  const reference = engineSeconds ?? wallSeconds;
  let seconds = uptimeDelta;
  let uptimeWrapped = false;
  if (seconds < 0) {
    const unwrapped = seconds + TIMETICKS_RANGE / 100;
    if (Math.abs(unwrapped - reference) > tolerance(reference) + (engineSeconds === undefined ? 0 : 1)) return none('reboot');
    seconds = unwrapped;
    uptimeWrapped = true;
  } else if (seconds < reference - tolerance(reference) - (engineSeconds === undefined ? 0 : 1)) {
    // Uptime moved less than the time that passed: the device restarted and has been up a while again.
    return none('reboot');
  }
  return seconds > 0 ? { intervalSeconds: seconds, uptimeWrapped } : none('no-interval');
}

export function deviceRates(previous: DeviceSample, current: DeviceSample, options: RateOptions = {}): DeviceRates {
  const interval = sampleInterval(previous, current, options);
  const before = new Map(previous.interfaces.map((sample) => [interfaceKey(sample), sample]));
  const interfaces = current.interfaces.map((sample): InterfaceRates => {
    const base = { name: sample.name, ...(sample.ifIndex === undefined ? {} : { ifIndex: sample.ifIndex }) };
    if (interval.intervalSeconds === undefined) return { ...base, perSecond: {}, gaps: allGaps(interval.gap === 'reboot' ? 'reboot' : 'no-interval') };
    const old = before.get(interfaceKey(sample));
    if (!old || old.counterBits !== sample.counterBits) return { ...base, perSecond: {}, gaps: allGaps('not-comparable') };
    if (old.discontinuityHundredths !== sample.discontinuityHundredths) return { ...base, perSecond: {}, gaps: allGaps('counter-reset') };
    return { ...base, ...interfaceRates(old, sample, interval.intervalSeconds, previous.source, options.speedSlack ?? 1.5) };
  });
  return { ...interval, interfaces };
}

function interfaceRates(old: InterfaceSample, sample: InterfaceSample, seconds: number, source: DeviceSample['source'], slack: number) {
  const speedBytes = (Math.max(old.speedMbps, sample.speedMbps) * 1_000_000) / 8;
  const perSecond: InterfaceRates['perSecond'] = {};
  const gaps: InterfaceRates['gaps'] = {};
  for (const counter of INTERFACE_COUNTERS) {
    const octets = counter === 'inOctets' || counter === 'outOctets';
    // Over SNMP only the octet counters can be 64-bit; errors and discards are ifTable's Counter32.
    const bits: CounterBits = octets ? sample.counterBits : source === 'snmp' ? 32 : 64;
    const maxPerSecond = speedBytes > 0 ? (octets ? speedBytes : speedBytes / MIN_FRAME_WIRE_BYTES) * slack : undefined;
    const rate = counterRate({ previous: old[counter], current: sample[counter], bits, intervalSeconds: seconds, maxPerSecond });
    if (rate.kind === 'rate') perSecond[counter] = rate.perSecond;
    else gaps[counter] = rate.reason;
  }
  for (const counter of PACKET_COUNTERS) {
    const [previous, current] = [old[counter], sample[counter]];
    if (previous === undefined || current === undefined) continue;
    const maxPerSecond = speedBytes > 0 ? (speedBytes / MIN_FRAME_WIRE_BYTES) * slack : undefined;
    const rate = counterRate({ previous, current, bits: 64, intervalSeconds: seconds, maxPerSecond });
    if (rate.kind === 'rate') perSecond[counter] = rate.perSecond;
    else gaps[counter] = rate.reason;
  }
  return {
    perSecond,
    gaps,
    ...(perSecond.inOctets === undefined ? {} : { inBitsPerSecond: perSecond.inOctets * 8 }),
    ...(perSecond.outOctets === undefined ? {} : { outBitsPerSecond: perSecond.outOctets * 8 }),
  };
}

const interfaceKey = (sample: InterfaceSample): string => sample.name || `ifIndex:${sample.ifIndex}`;

function allGaps(reason: RateGap): InterfaceRates['gaps'] {
  return Object.fromEntries(INTERFACE_COUNTERS.map((counter) => [counter, reason]));
}
