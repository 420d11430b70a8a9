import { ValidationFailedError } from '@netkeep/core';
import { describe, expect, it } from 'vitest';
import { type SearchDocument, type SearchDocumentSource, searchConfigurations } from './config-search';
import { SearchTimeoutError } from './search-errors';

/** Documents served in name order, a batch at a time, like the index does. */
function inMemory(documents: SearchDocument[]): SearchDocumentSource & { batches: number } {
  const sorted = [...documents].sort((a, b) => a.deviceName.localeCompare(b.deviceName));
  const source = async (after: SearchDocument | undefined, size: number) => {
    source.batches++;
    const start = after ? sorted.findIndex((document) => document.deviceId === after.deviceId) + 1 : 0;
    return sorted.slice(start, start + size);
  };
  source.batches = 0;
  return source;
}

const LIMITS = { timeoutMs: 5_000, maxResults: 100, batchSize: 2 };
const fleet = [
  { deviceId: 'd3', deviceName: 'r3', content: 'hostname r3\nsnmp-server community public RO\n' },
  { deviceId: 'd1', deviceName: 'r1', content: 'hostname r1\ninterface Gi0/1\n description uplink\nsnmp-server community public RO\n' },
  { deviceId: 'd2', deviceName: 'r2', content: 'hostname r2\n' },
  { deviceId: 'd4', deviceName: 'r4', content: 'hostname r4\nSNMP-SERVER COMMUNITY PUBLIC RO\n' },
  { deviceId: 'd5', deviceName: 'r5', content: 'hostname r5\n' },
];

describe('searchConfigurations', () => {
  it('returns every matching line with its device and 1-based line number, across batches', async () => {
    const source = inMemory(fleet);
    const result = await searchConfigurations(source, '^snmp-server community \\S+', {}, LIMITS);
    expect(result).toEqual({
      matches: [
        { deviceId: 'd1', deviceName: 'r1', lineNumber: 4, line: 'snmp-server community public RO' },
        { deviceId: 'd3', deviceName: 'r3', lineNumber: 2, line: 'snmp-server community public RO' },
      ],
      truncated: false,
      devicesSearched: 5,
    });
    expect(source.batches).toBe(4);
  });

  it('takes flags', async () => {
    const result = await searchConfigurations(inMemory(fleet), '^snmp-server community', { flags: 'i' }, LIMITS);
    expect(result.matches.map((match) => match.deviceName)).toEqual(['r1', 'r3', 'r4']);
  });

  it('stops at the limit and says the result is truncated', async () => {
    const source = inMemory(fleet);
    const result = await searchConfigurations(source, '^hostname', { limit: 2 }, LIMITS);
    expect(result.matches.map((match) => match.deviceName)).toEqual(['r1', 'r2']);
    expect(result.truncated).toBe(true);
    expect(source.batches).toBe(2);
    expect((await searchConfigurations(inMemory(fleet), '^hostname', { limit: 5 }, LIMITS)).truncated).toBe(false);
  });

  it('rejects an invalid pattern or flag before starting', async () => {
    await expect(searchConfigurations(inMemory(fleet), 'interface (Gi', {}, LIMITS)).rejects.toThrow(
      /^Invalid request: pattern is not a valid regular expression: .*Unterminated group/,
    );
    await expect(searchConfigurations(inMemory(fleet), 'x', { flags: 'g' }, LIMITS)).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(searchConfigurations(inMemory(fleet), 'x'.repeat(501), {}, LIMITS)).rejects.toThrow(/at most 500 characters/);
  });

  it('stops a catastrophic pattern at the time budget without blocking the process', async () => {
    const evil = [{ deviceId: 'd9', deviceName: 'evil', content: `${'a'.repeat(40)}b\n` }];
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = Date.now();
    try {
      const error = await searchConfigurations(inMemory(evil), '(a+)+$', {}, { ...LIMITS, timeoutMs: 400 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SearchTimeoutError);
      expect((error as Error).message).toBe('search took longer than 0.4s; narrow the pattern');
    } finally {
      clearInterval(ticker);
    }
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(ticks).toBeGreaterThan(5);
  });
});
