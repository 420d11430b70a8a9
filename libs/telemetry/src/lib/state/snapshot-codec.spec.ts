import { describe, expect, it } from 'vitest';
import type { DeviceSample, InterfaceSample } from '../device-sample';
import { decodeHistoryPoint, encodeHistoryEntry, historyPoints, nextSnapshot } from './device-snapshot';
import { loadSample, storeSample } from './sample-codec';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec';

const TWO_64 = 2n ** 64n;

function port(overrides: Partial<InterfaceSample> = {}): InterfaceSample {
  return {
    ifIndex: 1, name: 'Gi1/0/1', descr: 'GigabitEthernet1/0/1', alias: 'uplink "core"', adminStatus: 'up', operStatus: 'up', speedMbps: 1000,
    counterBits: 64, inOctets: 0n, outOctets: 0n, inErrors: 0n, outErrors: 0n, inDiscards: 0n, outDiscards: 0n, ...overrides,
  };
}

function sample(seconds: number, interfaces: InterfaceSample[], overrides: Partial<DeviceSample> = {}): DeviceSample {
  return {
    source: 'snmp', takenAt: new Date(Date.UTC(2026, 10, 27) + seconds * 1000), sysUpTimeHundredths: 100_000 + seconds * 100, engine: { boots: 2, timeSeconds: 1_000 + seconds },
    sysName: 'r1', sysDescr: 'Cisco IOS', cpuPercent: 7, memory: { usedBytes: 10, totalBytes: 20 }, interfaces, ...overrides,
  };
}

describe('samples and snapshots as Redis keeps them', () => {
  it('carries every counter exactly, past 2^53 and up to 2^64 - 1', () => {
    const original = sample(0, [port({ inOctets: TWO_64 - 1n, outOctets: 2n ** 53n + 1n, inPackets: 9_007_199_254_740_993n, discontinuityHundredths: 0 })]);
    expect(loadSample(storeSample(original))).toEqual(original);
    const first = nextSnapshot('d1', 'r1', undefined, original).snapshot;
    expect(decodeSnapshot(encodeSnapshot(first))).toEqual(first);
  });

  it('round-trips rates, gaps and optional fields, in about a third of plain JSON', () => {
    const interfaces = Array.from({ length: 48 }, (_, i) => port({ ifIndex: i + 1, name: `Gi1/0/${i + 1}`, inOctets: 1_000n * BigInt(i), inPackets: 10n }));
    const before = nextSnapshot('d1', 'r1', undefined, sample(0, interfaces)).snapshot;
    const later = interfaces.map((each, i) => ({ ...each, inOctets: each.inOctets + 600_000n, inPackets: 610n, operStatus: i === 3 ? 'down' : 'up' }) as InterfaceSample);
    const { snapshot, advanced } = nextSnapshot('d1', 'r1', before, sample(60, [...later, port({ ifIndex: 99, name: 'Vl99', counterBits: 32 })], { engine: undefined, cpuPercent: undefined }));
    expect(advanced).toBe(true);
    expect(snapshot.rates.interfaces[0]).toMatchObject({ perSecond: { inOctets: 10_000, inPackets: 10 }, inBitsPerSecond: 80_000 });
    expect(snapshot.rates.interfaces[48].gaps.inOctets).toBe('not-comparable');
    const encoded = encodeSnapshot(snapshot);
    expect(decodeSnapshot(encoded)).toEqual(snapshot);
    expect(encoded.length).toBeLessThan(JSON.stringify(snapshot).length / 2);
  });

  it('starts afresh from a snapshot of another format rather than misreading it', () => {
    expect(decodeSnapshot(JSON.stringify({ deviceId: 'd1', sample: {} }))).toBeUndefined();
    expect(decodeSnapshot(JSON.stringify([1, 'd1']))).toBeUndefined();
  });

  it('keeps the last rates, and adds no history point, when no device time passed', () => {
    const first = nextSnapshot('d1', 'r1', undefined, sample(0, [port()])).snapshot;
    const second = nextSnapshot('d1', 'r1', first, sample(60, [port({ inOctets: 6_000n })])).snapshot;
    const again = nextSnapshot('d1', 'r1', second, sample(60, [port({ inOctets: 6_000n })]));
    expect(again).toMatchObject({ advanced: false, snapshot: { rates: second.rates } });
  });

  it('stores one history entry per poll and reads any interface back from it', () => {
    const first = nextSnapshot('d1', 'r1', undefined, sample(0, [port(), port({ ifIndex: 2, name: 'Gi1/0/2', operStatus: 'lowerLayerDown' })])).snapshot;
    const { snapshot } = nextSnapshot('d1', 'r1', first, sample(60, [port({ inOctets: 60n, inErrors: 6n }), port({ ifIndex: 2, name: 'Gi1/0/2', operStatus: 'lowerLayerDown' })]));
    const entry = encodeHistoryEntry(historyPoints(snapshot));
    expect(decodeHistoryPoint(entry, 'Gi1/0/1')).toEqual({
      atMs: Date.parse(snapshot.sample.takenAt), operStatus: 'up', inBitsPerSecond: 8, outBitsPerSecond: 0, inPacketsPerSecond: null, outPacketsPerSecond: null,
      inErrorsPerSecond: 0.1, outErrorsPerSecond: 0, inDiscardsPerSecond: 0, outDiscardsPerSecond: 0,
    });
    expect(decodeHistoryPoint(entry, 'Gi1/0/2')?.operStatus).toBe('lowerLayerDown');
    expect(decodeHistoryPoint(entry, 'constructor')).toBeUndefined();
    expect(decodeHistoryPoint(encodeHistoryEntry(historyPoints(first)), 'Gi1/0/1')?.inBitsPerSecond).toBeNull();
  });
});
