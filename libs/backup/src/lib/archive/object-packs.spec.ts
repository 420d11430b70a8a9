import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../../testing/archive.testkit';
import { blobObject, commitObject, type EncodedObject, treeObject } from './git-objects';
import { ObjectPacks } from './object-packs';

const AT = new Date('2026-03-10T12:00:00Z');
const WHO = { name: 'netkeep', email: 'netkeep@localhost', at: AT };

/** A commit of `files` on top of `parent`, as the objects a batch writes. */
function commitOf(files: Record<string, string>, parent?: string): { objects: EncodedObject[]; commit: string } {
  const blobs = Object.entries(files).map(([path, content]) => ({ path, blob: blobObject(content) }));
  const configs = treeObject(blobs.map(({ path, blob }) => ({ mode: '100644', path, oid: blob.oid })));
  const root = treeObject([{ mode: '040000', path: 'configs', oid: configs.oid }]);
  const commit = commitObject({ tree: root.oid, parents: parent ? [parent] : [], author: WHO, committer: WHO, message: `${Object.keys(files).join(' ')}\n` });
  return { objects: [...blobs.map(({ blob }) => blob), configs, root, commit], commit: commit.oid };
}

describe('the archive’s object packs', () => {
  let dir: string;
  let gitdir: string;
  let packs: ObjectPacks;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-packs-'));
    gitdir = join(dir, 'configs.git');
    execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', gitdir]);
    packs = new ObjectPacks(gitdir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const packFiles = async () => (await readdir(join(gitdir, 'objects/pack'))).sort();
  const onlyIndex = async () => {
    const indexes = (await packFiles()).filter((file) => file.endsWith('.idx'));
    expect(indexes).toHaveLength(1);
    return join(gitdir, 'objects/pack', indexes[0] as string);
  };
  const looseFiles = async () => (await readdir(join(gitdir, 'objects'))).filter((name) => /^[0-9a-f]{2}$/.test(name));
  /** Publishes `commit` on the branch, as the repository does once its objects are durable. */
  const publish = (commit: string) => git(gitdir, 'update-ref', 'refs/heads/main', commit);
  const objectsIn = (pack: string) => git(gitdir, 'verify-pack', '-v', join(gitdir, 'objects/pack', pack)).split('\n').filter((line) => /^[0-9a-f]{40} /.test(line)).length;

  it('writes a batch as one pack and its index, no loose object, that git reads back byte for byte', async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`r${i}.cfg`, `hostname r${i}\n${'interface Gi0/1\n'.repeat(i)}`]));
    const { objects, commit } = commitOf(files);
    await packs.write(objects);
    publish(commit);

    const written = await packFiles();
    expect(written).toEqual([expect.stringMatching(/^pack-[0-9a-f]{40}\.idx$/), expect.stringMatching(/^pack-[0-9a-f]{40}\.pack$/)]);
    expect(written[0]?.replace(/idx$/, '')).toBe(written[1]?.replace(/pack$/, ''));
    expect(await looseFiles()).toEqual([]);
    expect(objectsIn(written[1] as string)).toBe(30 + 3);
    for (const [path, content] of Object.entries(files)) expect(git(gitdir, 'show', `main:configs/${path}`)).toBe(content);
    expect(git(gitdir, 'fsck', '--full', '--strict', '--no-progress')).toBe('');
  });

  it('does not write again an object the repository holds, packed or loose', async () => {
    const first = commitOf({ 'a.cfg': 'a\n', 'b.cfg': 'b\n' });
    await packs.write(first.objects);
    await packs.write(first.objects);
    expect(await packFiles()).toHaveLength(2);

    const loose = execFileSync('git', ['--git-dir', gitdir, 'hash-object', '-w', '--stdin'], { input: 'c\n', encoding: 'utf8' });
    expect(loose.trim()).toBe(blobObject('c\n').oid);
    const second = commitOf({ 'a.cfg': 'a\n', 'b.cfg': 'b\n', 'c.cfg': 'c\n' }, first.commit);
    await packs.write(second.objects);
    publish(second.commit);
    const pack = (await packFiles()).find((file) => file.endsWith('.pack') && objectsIn(file) !== 5) as string;
    // Only the new trees and commit: the blobs were already there.
    expect(objectsIn(pack)).toBe(3);
    expect(git(gitdir, 'fsck', '--full', '--strict', '--no-progress')).toBe('');
  });

  it('stores a tree as a delta against the one it names as its base, which git and the archive read back', async () => {
    const blob = blobObject('x\n');
    const treeOf = (names: string[]) => treeObject(names.map((path) => ({ mode: '100644', path, oid: blob.oid })));
    // About 100 KB of entries: copies past 64 KB, and changes at the start, in the middle, at the end, and removals.
    const names = Array.from({ length: 3000 }, (_, i) => `device-${String(i).padStart(5, '0')}.cfg`);
    const changes = [
      (list: string[]) => ['aaa.cfg', ...list],
      (list: string[]) => list.filter((name) => name !== 'device-01500.cfg'),
      (list: string[]) => [...list, 'zzz.cfg'],
      (list: string[]) => list.slice(1),
      (list: string[]) => list.map((name) => (name === 'device-02000.cfg' ? 'device-02000-b.cfg' : name)),
    ];
    const versions = changes.reduce((all, change) => [...all, change(all.at(-1) as string[])], [names]);
    const trees = versions.map(treeOf);
    await packs.write([blob, ...trees.map((tree, i) => ({ ...tree, deltaBase: trees[i - 1]?.oid }))]);

    const verified = git(gitdir, 'verify-pack', '-v', await onlyIndex());
    expect(verified).toMatch(/^non delta: 2 objects$/m);
    expect(verified).toMatch(/^chain length = 5: 1 object$/m);
    expect(git(gitdir, 'fsck', '--full', '--strict', '--no-progress', '--no-dangling')).toBe('');
    for (const [i, tree] of trees.entries()) expect(git(gitdir, 'ls-tree', '--name-only', tree.oid).trim().split('\n')).toEqual([...versions[i] as string[]].sort());
  });

  it('merges small packs into one, removing the ones it replaces, with every object still there', async () => {
    let parent: string | undefined;
    for (let i = 0; i < 20; i++) {
      const { objects, commit } = commitOf({ [`r${i}.cfg`]: `hostname r${i}\n` }, parent);
      await packs.write(objects);
      parent = commit;
    }
    publish(parent as string);
    expect(packs.count).toBe(20);
    expect(packs.crowded).toBe(true);

    expect(await packs.consolidate()).toBe(true);
    expect(packs.count).toBe(1);
    expect(await packFiles()).toHaveLength(2);
    expect(git(gitdir, 'count-objects', '-v')).toMatch(/^in-pack: 80$/m);
    expect(git(gitdir, 'fsck', '--full', '--strict', '--no-progress')).toBe('');
    expect(git(gitdir, 'show', 'main~19:configs/r0.cfg')).toBe('hostname r0\n');
  });

  it('merges packs git wrote, with deltas, one whose base is also in a smaller pack, as git reads them', async () => {
    const lines = (n: number) => Array.from({ length: 200 }, (_, i) => `interface Gi0/${i}\n description ${i === n ? 'changed' : 'port'}\n`).join('');
    let parent: string | undefined;
    for (let i = 0; i < 6; i++) {
      const { objects, commit } = commitOf({ 'r1.cfg': lines(i) }, parent);
      await packs.write(objects);
      parent = commit;
    }
    publish(parent as string);
    // git's own pack of it all, deltified; then a one-object pack of a delta base, so that base is a duplicate.
    git(gitdir, 'repack', '--quiet', '-a', '-d', '-f');
    const deltas = git(gitdir, 'verify-pack', '-v', await onlyIndex()).split('\n').filter((line) => line.split(/\s+/).length === 7);
    const base = deltas[0]?.split(/\s+/)[6] as string;
    execFileSync('git', ['--git-dir', gitdir, 'pack-objects', '--quiet', join(gitdir, 'objects/pack/pack')], { input: `${base}\n` });
    for (let i = 6; i < 12; i++) {
      const { objects, commit } = commitOf({ 'r1.cfg': lines(i), 'r2.cfg': `${i}\n` }, parent);
      await packs.write(objects);
      parent = commit;
    }
    publish(parent as string);
    expect(packs.count).toBe(8);

    expect(await packs.consolidate()).toBe(true);
    expect(packs.count).toBe(1);
    expect(git(gitdir, 'fsck', '--full', '--strict', '--no-progress')).toBe('');
    expect(git(gitdir, 'count-objects', '-v')).toMatch(/^in-pack: 54$/m);
    expect(git(gitdir, 'verify-pack', '-v', await onlyIndex())).toMatch(/^chain length = 1: \d+ objects?$/m);
    for (let i = 0; i < 12; i++) expect(git(gitdir, 'show', `main~${11 - i}:configs/r1.cfg`)).toBe(lines(i));
  });
});
