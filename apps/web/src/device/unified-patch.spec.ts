import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../testing/api-fixtures';
import { sideBySideRows } from './unified-patch';

describe('sideBySideRows', () => {
  const rows = sideBySideRows(unifiedDiff.patch ?? '');

  it('starts each hunk with its header and skips the file headers', () => {
    expect(rows.filter((row) => row.kind === 'hunk').map((row) => row.kind === 'hunk' && row.header)).toEqual(['@@ -120,5 +120,5 @@', '@@ -596,5 +596,6 @@']);
    expect(JSON.stringify(rows)).not.toContain('a/lab-ios-0001');
  });

  it('numbers context lines on both sides from the hunk header', () => {
    expect(rows[1]).toEqual({ kind: 'context', left: { number: 120, text: 'interface GigabitEthernet1/0/2' }, right: { number: 120, text: 'interface GigabitEthernet1/0/2' } });
    expect(rows.at(-1)).toEqual({ kind: 'context', left: { number: 600, text: 'end' }, right: { number: 601, text: 'end' } });
  });

  it('pairs a run of removals with the additions after it, leaving the longer side alone at the end', () => {
    const changes = rows.filter((row) => row.kind === 'change');
    expect(changes).toEqual([
      { kind: 'change', left: { number: 121, text: ' description WIFI-AP ap-2f-25' }, right: { number: 121, text: ' description WIFI-AP ap-2f-26 (moved)' } },
      { kind: 'change', left: { number: 597, text: 'ntp server 10.250.0.12' }, right: { number: 597, text: 'ntp server 10.250.0.98' } },
      { kind: 'change', left: undefined, right: { number: 598, text: 'ntp server 10.250.0.99' } },
    ]);
  });

  it('gives nothing for an empty patch, and ignores "no newline at end of file"', () => {
    expect(sideBySideRows('')).toEqual([]);
    expect(sideBySideRows('@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n')).toEqual([
      { kind: 'hunk', header: '@@ -1 +1 @@' },
      { kind: 'change', left: { number: 1, text: 'a' }, right: { number: 1, text: 'b' } },
    ]);
  });
});
