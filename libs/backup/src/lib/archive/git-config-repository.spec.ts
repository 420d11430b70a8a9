import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../../testing/archive.testkit';
import { ArchiveBranchLockedError, ArchiveHeadMovedError } from './archive.errors';
import { GitConfigRepository } from './git-config-repository';
import { blobObject, commitObject, treeObject } from './git-objects';

const AT = new Date('2026-03-10T12:00:00Z');
const WHO = { name: 'netkeep', email: 'netkeep@localhost', at: AT };

describe('the archive repository', () => {
  let dir: string;
  let repository: GitConfigRepository;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-repo-'));
    repository = new GitConfigRepository(join(dir, 'configs.git'));
    await repository.init();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const gitIn = (args: string[], input?: string, env: NodeJS.ProcessEnv = {}) =>
    execFileSync('git', ['--git-dir', repository.gitdir, ...args], { encoding: 'utf8', input, env: { ...process.env, ...env } }).trim();

  it('encodes objects exactly as git does', () => {
    expect(blobObject('hostname r1\n').oid).toBe(gitIn(['hash-object', '--stdin'], 'hostname r1\n'));
    const blob = gitIn(['hash-object', '-w', '--stdin'], 'x\n');
    const sub = gitIn(['mktree'], `100644 blob ${blob}\tinner\n`);
    // Byte order with trees compared as "name/": a-b < a.cfg < a (tree) < a0.
    const items = [
      { mode: '100644', path: 'a0', oid: blob },
      { mode: '040000', path: 'a', oid: sub },
      { mode: '100644', path: 'a.cfg', oid: blob },
      { mode: '100644', path: 'a-b', oid: blob },
    ];
    const tree = treeObject(items);
    expect(tree.oid).toBe(gitIn(['mktree'], items.map((item) => `${item.mode} ${item.mode === '040000' ? 'tree' : 'blob'} ${item.oid}\t${item.path}`).join('\n') + '\n'));
    const commit = commitObject({ tree: tree.oid, parents: [], author: { ...WHO, name: 'alice', email: 'alice@example.net' }, committer: WHO, message: 'r1: configuration changed (manual)\n\nRun: 1\n' });
    const when = `${AT.getTime() / 1000} +0000`;
    expect(commit.oid).toBe(
      gitIn(['commit-tree', tree.oid], 'r1: configuration changed (manual)\n\nRun: 1\n', {
        GIT_AUTHOR_NAME: 'alice',
        GIT_AUTHOR_EMAIL: 'alice@example.net',
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_NAME: 'netkeep',
        GIT_COMMITTER_EMAIL: 'netkeep@localhost',
        GIT_COMMITTER_DATE: when,
      }),
    );
  });

  it('commits on top of the branch, and refuses when the branch moved underneath', async () => {
    const first = await repository.commitFile({ parent: undefined, path: 'configs/r1.cfg', content: 'a\n', message: 'one\n', author: WHO, committer: WHO });
    const second = await repository.commitFile({ parent: first, path: 'configs/r2.cfg', content: 'b\n', message: 'two\n', author: WHO, committer: WHO });
    await expect(repository.commitFile({ parent: first, path: 'configs/r1.cfg', content: 'c\n', message: 'stale\n', author: WHO, committer: WHO })).rejects.toBeInstanceOf(
      ArchiveHeadMovedError,
    );
    expect(await repository.head()).toBe(second);
    expect(await repository.readFile(second, 'configs/r1.cfg')).toBe('a\n');
    expect(await repository.readFile(first, 'configs/r2.cfg')).toBeUndefined();
    expect(await repository.changedConfigFiles(await repository.readCommit(second))).toEqual([{ path: 'configs/r2.cfg', before: null, after: blobObject('b\n').oid }]);
    // The refused commit's objects stay behind unreferenced, as git's own do after a failed update.
    expect(git(repository.gitdir, 'fsck', '--strict', '--no-progress', '--no-dangling')).toBe('');
  });

  it("keeps out while git's ref lock is held, and clears a lock a crashed writer left", async () => {
    const first = await repository.commitFile({ parent: undefined, path: 'configs/r1.cfg', content: 'a\n', message: 'one\n', author: WHO, committer: WHO });
    const lock = join(repository.gitdir, 'refs/heads/main.lock');
    await writeFile(lock, '');
    const next = { parent: first, path: 'configs/r1.cfg', content: 'b\n', message: 'two\n', author: WHO, committer: WHO };
    await expect(repository.commitFile(next)).rejects.toBeInstanceOf(ArchiveBranchLockedError);
    expect(await repository.head()).toBe(first);

    const longAgo = new Date(Date.now() - 5 * 60_000);
    await utimes(lock, longAgo, longAgo);
    const second = await repository.commitFile(next);
    expect(await repository.head()).toBe(second);
    expect((await readdir(join(repository.gitdir, 'refs/heads'))).sort()).toEqual(['main']);
  });

  it('leaves no temporary files behind', async () => {
    let parent: string | undefined;
    for (let i = 0; i < 5; i++) parent = await repository.commitFile({ parent, path: `configs/r${i}.cfg`, content: `${i}\n`, message: `${i}\n`, author: WHO, committer: WHO });
    const files = await readdir(repository.gitdir, { recursive: true });
    expect(files.filter((file) => file.endsWith('.tmp') || basename(file).startsWith('tmp_'))).toEqual([]);
  });

  it('reads what each later batch packs, and everything again once the packs are merged', async () => {
    const commits: string[] = [];
    for (let i = 0; i < 20; i++) {
      const changes = ['a', 'b'].map((name) => ({ path: `configs/${name}.cfg`, content: `${name} ${i}\n`, message: `${name} ${i}\n`, author: WHO, committer: WHO }));
      commits.push(...(await repository.commitFiles(commits.at(-1), changes)));
      // Read through the shared pack cache after every batch: a pack written since the last read is found.
      expect(await repository.readFile(commits.at(-1) as string, 'configs/b.cfg')).toBe(`b ${i}\n`);
      expect(await repository.readFile(commits[0] as string, 'configs/a.cfg')).toBe('a 0\n');
    }
    expect(await repository.packCount()).toBe(20);
    expect(repository.packsCrowded).toBe(true);

    expect(await repository.consolidatePacks()).toBe(true);
    expect(await repository.packCount()).toBe(1);
    for (const [i, commit] of commits.entries()) expect(await repository.readFile(commit, `configs/${i % 2 ? 'b' : 'a'}.cfg`)).toBe(`${i % 2 ? 'b' : 'a'} ${Math.floor(i / 2)}\n`);
    const next = await repository.commitFile({ parent: commits.at(-1), path: 'configs/c.cfg', content: 'c\n', message: 'c\n', author: WHO, committer: WHO });
    expect(await repository.readFile(next, 'configs/a.cfg')).toBe('a 19\n');
    expect(git(repository.gitdir, 'fsck', '--full', '--strict', '--no-progress')).toBe('');
  });
});
