import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../../testing/archive.testkit';
import { blobObject, commitObject, treeObject } from './git-objects';
import { GitConfigRepository } from './git-config-repository';
import { ObjectPacks } from './object-packs';

const WHO = { name: 'Jane Operator', email: 'jane@example.net', at: new Date('2026-03-10T12:00:00Z') };

/** Every object git finds in the repository, with its type and its bytes as `git cat-file` gives them. */
function gitObjects(gitdir: string): { oid: string; type: string; body: Buffer }[] {
  const listing = git(gitdir, 'cat-file', '--batch-all-objects', '--batch-check').trim().split('\n');
  return listing.map((line) => {
    const [oid, type] = line.split(' ') as [string, string];
    return { oid, type, body: execFileSync('git', ['--git-dir', gitdir, 'cat-file', type, oid]) };
  });
}

describe('reading the archive’s objects without loading its packs', () => {
  let dir: string;
  let gitdir: string;
  let repository: GitConfigRepository;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-reading-'));
    gitdir = join(dir, 'configs.git');
    repository = new GitConfigRepository(gitdir);
    await repository.init();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** 40 commits over 8 devices in 4 batches: packs with chains of tree deltas. */
  async function history(): Promise<string[]> {
    let parent: string | undefined;
    const commits: string[] = [];
    for (let batch = 0; batch < 4; batch++) {
      const changes = Array.from({ length: 10 }, (_, i) => ({
        path: `configs/r${(batch * 10 + i) % 8}.cfg`,
        content: `hostname r${i}\n${`interface Gi0/${batch}\n description batch ${batch} change ${i}\n`.repeat(20 + i)}`,
        message: `r${i} changed in batch ${batch}\n\nRun: run-${batch}\n`,
        author: WHO,
        committer: WHO,
      }));
      commits.push(...(await repository.commitFiles(parent, changes)));
      parent = commits.at(-1);
    }
    return commits;
  }

  async function expectEveryObjectAsGitReadsIt(): Promise<number> {
    const packs = new ObjectPacks(gitdir);
    const objects = gitObjects(gitdir);
    for (const { oid, type, body } of objects) {
      const read = await packs.read(oid);
      expect(read?.type, oid).toBe(type);
      expect(read?.body.equals(body), `${type} ${oid}`).toBe(true);
    }
    return objects.length;
  }

  it("reads every object of the packs it writes (tree deltas included) as git does, and commits, files and histories through the repository", async () => {
    const commits = await history();
    expect(await expectEveryObjectAsGitReadsIt()).toBeGreaterThan(100);
    const last = await repository.readCommit(commits.at(-1) as string);
    expect(last).toEqual({ oid: commits.at(-1), parent: commits.at(-2), message: 'r9 changed in batch 3\n\nRun: run-3\n', author: WHO });
    expect(await repository.readFile(last.oid, 'configs/r7.cfg')).toBe(git(gitdir, 'show', `${last.oid}:configs/r7.cfg`));
    expect(await repository.readFile(last.oid, 'configs/none.cfg')).toBeUndefined();
    expect(await repository.readFile('0'.repeat(40), 'configs/r7.cfg')).toBeUndefined();
    const changes = await repository.changedConfigFiles(last);
    expect(changes).toEqual([{ path: 'configs/r7.cfg', before: expect.stringMatching(/^[0-9a-f]{40}$/), after: expect.stringMatching(/^[0-9a-f]{40}$/) }]);
  });

  it('reads what git gc --aggressive made of them (its own delta chains), and loose objects git wrote', async () => {
    await history();
    git(gitdir, 'gc', '--aggressive', '--prune=now', '--quiet');
    const loose = execFileSync('git', ['--git-dir', gitdir, 'hash-object', '-w', '--stdin'], { input: 'hostname loose\n', encoding: 'utf8' }).trim();
    expect((await new ObjectPacks(gitdir).read(loose))?.body.toString()).toBe('hostname loose\n');
    expect(await expectEveryObjectAsGitReadsIt()).toBeGreaterThan(100);
    await expect(repository.readBlob('f'.repeat(40))).rejects.toThrow(`the archive repository has no blob ${'f'.repeat(40)}`);
  });

  it('reads one small object of a large pack in about its own size of memory', async () => {
    const large = Array.from({ length: 24 }, () => blobObject(randomBytes(512 * 1024).toString('base64')));
    const small = blobObject('hostname small\n');
    const tree = treeObject([...large, small].map((blob, i) => ({ mode: '100644', path: `f${i}`, oid: blob.oid })));
    const commit = commitObject({ tree: tree.oid, parents: [], author: WHO, committer: WHO, message: 'large\n' });
    const packs = new ObjectPacks(gitdir);
    await packs.write([...large, small, tree, commit]);

    const reader = new ObjectPacks(gitdir);
    const before = process.memoryUsage().arrayBuffers;
    const read = await reader.read(small.oid);
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(read?.body.toString()).toBe('hostname small\n');
    // The pack holds 16 MiB of blobs: reading it whole would show here.
    expect(grown).toBeLessThan(2 * 1024 * 1024);
  });
});
