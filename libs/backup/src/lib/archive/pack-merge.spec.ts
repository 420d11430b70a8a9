import { describe, expect, it } from 'vitest';
import type { PackIndex } from './git-pack';
import { packsToMerge } from './pack-merge';

const pack = (name: string, count: number, bytes = count * 100) => ({ name, index: { count } as PackIndex, bytes });
const names = (packs: { name: string }[]) => packs.map((chosen) => chosen.name);

describe('which packs a merge takes', () => {
  it('takes the smallest packs until each pack left holds twice the objects of all smaller ones', () => {
    expect(names(packsToMerge([pack('big', 1000), pack('a', 10), pack('b', 12), pack('c', 30), pack('d', 200)], Infinity))).toEqual(['a', 'b', 'c']);
    expect(names(packsToMerge([pack('big', 1000), pack('a', 10), pack('b', 12), pack('c', 30), pack('d', 80)], Infinity))).toEqual(['a', 'b', 'c', 'd']);
    expect(names(packsToMerge(Array.from({ length: 17 }, (_, i) => pack(`p${i}`, 5)), Infinity))).toHaveLength(17);
  });

  it('takes nothing when the packs already form a progression', () => {
    expect(packsToMerge([pack('a', 1), pack('b', 2), pack('c', 8), pack('d', 100)], Infinity)).toEqual([]);
    expect(packsToMerge([pack('only', 50)], Infinity)).toEqual([]);
  });

  it('stops before the merged pack would pass the size limit', () => {
    expect(names(packsToMerge([pack('a', 10, 1_000), pack('b', 10, 1_000), pack('c', 10, 5_000)], 2_100))).toEqual(['a', 'b']);
  });
});
