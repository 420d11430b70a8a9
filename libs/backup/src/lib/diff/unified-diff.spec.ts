import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff';

describe('unifiedDiff', () => {
  const before = ['hostname r1', '!', 'interface Gi0/1', ' description a', ' switchport mode access', '!', 'interface Gi0/2', ' shutdown', '!', 'end', ''].join('\n');

  it('is a unified diff with a/ and b/ names and three lines of context', () => {
    const after = before.replace(' description a', ' description b');
    const diff = unifiedDiff('r1', before, after, { from: 'v1', to: 'v2' });
    expect(diff.patch).toBe(
      [
        '--- a/r1\tv1',
        '+++ b/r1\tv2',
        '@@ -1,7 +1,7 @@',
        ' hostname r1',
        ' !',
        ' interface Gi0/1',
        '- description a',
        '+ description b',
        '  switchport mode access',
        ' !',
        ' interface Gi0/2',
        '',
      ].join('\n'),
    );
    expect(diff).toMatchObject({ linesAdded: 1, linesRemoved: 1 });
  });

  it('is empty when nothing differs', () => {
    expect(unifiedDiff('r1', before, before)).toEqual({ patch: '', linesAdded: 0, linesRemoved: 0 });
  });

  it('keeps a device name with a line break on the header line', () => {
    expect(unifiedDiff('evil\nname', 'a\n', 'b\n').patch.split('\n').slice(0, 2)).toEqual(['--- a/evil name', '+++ b/evil name']);
  });
});
