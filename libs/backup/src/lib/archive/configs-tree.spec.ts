import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigsTree } from './configs-tree';
import { blobObject } from './git-objects';

describe('the configs/ tree', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-tree-'));
    execFileSync('git', ['init', '--quiet', '--bare', dir]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  /** The id git gives a tree of these files. */
  const gitTreeId = (files: ReadonlyMap<string, string>) =>
    execFileSync('git', ['--git-dir', dir, 'mktree', '--missing'], { input: [...files].map(([name, oid]) => `100644 blob ${oid}\t${name}\n`).join(''), encoding: 'utf8' }).trim();

  // Git orders by bytes, not UTF-16 units: an astral character sorts after "\uffff", upper case before lower.
  const names = ['r1.cfg', 'R1.cfg', 'r1-0a1b2c3d.cfg', 'a.cfg', 'a-b.cfg', 'a0.cfg', 'zz.cfg', 'Zürich.cfg', '\uffff.cfg', '\u{1f600}.cfg'];
  const oids = new Map(names.map((name, i) => [name, blobObject(`hostname ${i}\n`).oid]));

  it('encodes the tree git would, however it was built up', () => {
    const built = names.reduce((tree, name) => tree.with(name, oids.get(name) as string), ConfigsTree.EMPTY);
    expect(built.object().oid).toBe(gitTreeId(oids));
    expect(ConfigsTree.of(oids).object().oid).toBe(built.object().oid);
    expect([...built.files().keys()]).toEqual([...ConfigsTree.of([...oids].reverse()).files().keys()]);
  });

  it('replaces and removes entries, and leaves the tree it came from as it was', () => {
    const before = ConfigsTree.of(oids);
    const changed = before.with('R1.cfg', blobObject('changed\n').oid).without('a.cfg').without('absent.cfg');
    const expected = new Map(oids);
    expected.set('R1.cfg', blobObject('changed\n').oid);
    expected.delete('a.cfg');
    expect(changed.object().oid).toBe(gitTreeId(expected));
    expect(changed.size).toBe(names.length - 1);
    expect(changed.get('R1.cfg')).toBe(blobObject('changed\n').oid);
    expect(changed.get('a.cfg')).toBeUndefined();
    expect(before.object().oid).toBe(gitTreeId(oids));
    expect(before.get('a.cfg')).toBe(oids.get('a.cfg'));
  });
});
