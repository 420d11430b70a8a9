import * as git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ArchiveBranchLockedError, ArchiveHeadMovedError, ArchiveObjectMissingError } from './archive.errors';
import { ConfigsTree } from './configs-tree';
import { CONFIGS_DIRECTORY } from './device-file-name';
import { durableGitFs as fs, FileLockedError, replaceUnderLock } from './durable-fs';
import { decodeCommit, decodeTree, isTreeMode, type GitObjectType } from './git-object-decoding';
import { blobObject, commitObject, type EncodedObject, type TreeItem, treeObject } from './git-objects';
import { ObjectPacks } from './object-packs';

export const ARCHIVE_BRANCH = 'main';
const BRANCH_REF = `refs/heads/${ARCHIVE_BRANCH}`;
const SUBMODULE_MODE = '160000';

export interface GitSignature {
  name: string;
  email: string;
  at: Date;
}

export interface GitCommitRecord {
  oid: string;
  /** First parent; the archive's history is linear. */
  parent: string | undefined;
  message: string;
  author: GitSignature;
}

/** One file under `configs/` that a commit added (`before` null), changed, or removed (`after` null). */
export interface ConfigFileChange {
  path: string;
  before: string | null;
  after: string | null;
}

/** One commit's worth: a file of `configs/` changed or removed. */
export interface FileChange {
  /** `configs/<stem>.cfg`. */
  path: string;
  /** New content, or null to remove the file. */
  content: string | null;
  message: string;
  author: GitSignature;
  committer: GitSignature;
}

export interface FileCommit extends FileChange {
  /** The commit the branch must still point at (undefined: the first commit). */
  parent: string | undefined;
}

type ConfigEntries = Map<string, string>;

interface Listing {
  commit: string;
  root: TreeItem[];
  configs: ConfigsTree;
}

/**
 * The archive's git repository, bare, on node's fs (service images have no git binary):
 * objects are read one at a time from packs (see object-packs.ts), isomorphic-git serves
 * init, refs and push. Commits are built from objects (blob, trees, commit) written as one pack
 * per batch (see object-packs.ts), and the branch is moved last, atomically, so a commit exists
 * for readers only once it is complete. Every object is written durably before the branch
 * moves, and the branch before the index is written, so git is never behind the index: the
 * invariant reconciliation relies on. There is no working tree or index file to drift from HEAD.
 */
export class GitConfigRepository {
  /** The trees of the last commit seen, so a store does not re-read a large `configs/` tree. */
  private lastListing: Listing | undefined;
  private readonly objects: ObjectPacks;
  private consolidation: Promise<boolean> | undefined;

  constructor(readonly gitdir: string) {
    this.objects = new ObjectPacks(gitdir);
  }

  async init(): Promise<void> {
    if (existsSync(join(this.gitdir, 'HEAD'))) return;
    await mkdir(this.gitdir, { recursive: true });
    await git.init({ fs, gitdir: this.gitdir, bare: true, defaultBranch: ARCHIVE_BRANCH });
  }

  /** The branch's commit; undefined before the first commit. */
  async head(): Promise<string | undefined> {
    try {
      return await git.resolveRef({ fs, gitdir: this.gitdir, ref: BRANCH_REF });
    } catch (error) {
      if (error instanceof git.Errors.NotFoundError) return undefined;
      throw error;
    }
  }

  async readCommit(oid: string): Promise<GitCommitRecord> {
    const commit = decodeCommit(await this.readObject(oid, 'commit'));
    return { oid, parent: commit.parents[0], message: commit.message, author: commit.author };
  }

  /** A file's text at a commit; undefined when the commit, or the file in it, does not exist. */
  async readFile(commit: string, path: string): Promise<string | undefined> {
    const object = await this.objects.read(commit);
    if (object?.type !== 'commit') return undefined;
    let oid = decodeCommit(object.body).tree;
    for (const name of path.split('/')) {
      const tree = await this.objects.read(oid);
      if (tree?.type !== 'tree') return undefined;
      const entry = decodeTree(tree.body).find((item) => item.path === name);
      if (!entry) return undefined;
      oid = entry.oid;
    }
    const blob = await this.objects.read(oid);
    return blob?.type === 'blob' ? blob.body.toString('utf8') : undefined;
  }

  async readBlob(oid: string): Promise<string> {
    return (await this.readObject(oid, 'blob')).toString('utf8');
  }

  /** The `configs/` files a commit changed relative to its first parent. */
  async changedConfigFiles(commit: GitCommitRecord): Promise<ConfigFileChange[]> {
    const before = await this.configEntries(commit.parent);
    const after = await this.configEntries(commit.oid);
    const changes: ConfigFileChange[] = [];
    for (const [name, oid] of after) {
      const previous = before.get(name) ?? null;
      if (previous !== oid) changes.push({ path: `${CONFIGS_DIRECTORY}/${name}`, before: previous, after: oid });
    }
    for (const [name, oid] of before) {
      if (!after.has(name)) changes.push({ path: `${CONFIGS_DIRECTORY}/${name}`, before: oid, after: null });
    }
    return changes.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Writes one file change as a commit on top of `parent` and moves the branch to it. */
  async commitFile(change: FileCommit): Promise<string> {
    const [commit] = await this.commitFiles(change.parent, [change]);
    return commit as string;
  }

  /**
   * Writes file changes as a line of commits on top of `parent`, one commit per change, in
   * order, and moves the branch once, to the last of them; returns the commits, oldest first.
   * Ids are known before anything is written, so all objects of all the commits go to disk
   * together (their fsyncs overlap) and the branch moves only once every one is durable.
   */
  async commitFiles(parent: string | undefined, changes: readonly FileChange[]): Promise<string[]> {
    if (changes.length === 0) return [];
    const base = await this.listing(parent);
    const otherRootEntries = base.root.filter((entry) => entry.path !== CONFIGS_DIRECTORY);
    let tip = parent;
    let configs = base.configs;
    let root = base.root;
    const objects: EncodedObject[] = [];
    const commits: string[] = [];
    let previousConfigsTree: string | undefined;
    for (const change of changes) {
      const name = change.path.slice(CONFIGS_DIRECTORY.length + 1);
      if (change.content === null) configs = configs.without(name);
      else {
        const blob = blobObject(change.content);
        objects.push(blob);
        configs = configs.with(name, blob.oid);
      }
      root = [...otherRootEntries];
      if (configs.size > 0) {
        // Each commit's `configs/` differs from the one before by an entry: a delta of a few dozen bytes.
        const configsTree = { ...configs.object(), deltaBase: previousConfigsTree };
        previousConfigsTree = configsTree.oid;
        objects.push(configsTree);
        root.push({ mode: '040000', path: CONFIGS_DIRECTORY, oid: configsTree.oid });
      }
      const tree = treeObject(root);
      const commit = commitObject({ tree: tree.oid, parents: tip ? [tip] : [], author: change.author, committer: change.committer, message: change.message });
      objects.push(tree, commit);
      commits.push(commit.oid);
      tip = commit.oid;
    }
    await this.objects.write(objects);
    await this.moveBranch(parent, tip as string);
    this.lastListing = { commit: tip as string, root, configs };
    return commits;
  }

  /** Each batch adds a pack: past a few, they are due to be merged (`consolidatePacks`). */
  get packsCrowded(): boolean {
    return this.objects.crowded;
  }

  /** The packs of `objects/pack`. */
  async packCount(): Promise<number> {
    await this.objects.refresh();
    return this.objects.count;
  }

  /**
   * Merges the small packs into one (see `ObjectPacks.consolidate`). Safe beside commits and
   * reads: the branch does not move, and every object stays readable; one merge at a time.
   */
  consolidatePacks(): Promise<boolean> {
    this.consolidation ??= (async () => {
      try {
        return await this.objects.consolidate();
      } finally {
        this.consolidation = undefined;
      }
    })();
    return this.consolidation;
  }

  /** Pushes the branch to a remote over smart HTTP(S); fast-forward only. */
  async push(url: string, auth?: { username?: string; password?: string }): Promise<void> {
    const result = await git.push({
      fs,
      http,
      gitdir: this.gitdir,
      url,
      ref: ARCHIVE_BRANCH,
      remoteRef: ARCHIVE_BRANCH,
      onAuth: auth ? () => ({ username: auth.username ?? 'netkeep', password: auth.password }) : undefined,
    });
    if (!result.ok) throw new Error(result.error ?? 'the remote refused the push');
    const refused = Object.entries(result.refs).find(([, status]) => !status.ok);
    if (refused) throw new Error(`the remote refused ${refused[0]}: ${refused[1].error}`);
  }

  private async readObject(oid: string, type: GitObjectType): Promise<Buffer> {
    const object = await this.objects.read(oid);
    if (object?.type !== type) throw new ArchiveObjectMissingError(oid, type);
    return object.body;
  }

  private async configEntries(commit: string | undefined): Promise<ConfigEntries> {
    return (await this.listing(commit)).configs.files();
  }

  private async listing(commit: string | undefined): Promise<Listing> {
    if (!commit) return { commit: '', root: [], configs: ConfigsTree.EMPTY };
    if (this.lastListing?.commit === commit) return this.lastListing;
    const root = decodeTree(await this.readObject(decodeCommit(await this.readObject(commit, 'commit')).tree, 'tree'));
    const configsEntry = root.find((entry) => entry.path === CONFIGS_DIRECTORY && isTreeMode(entry.mode));
    const files: ConfigEntries = new Map();
    if (configsEntry) {
      for (const entry of decodeTree(await this.readObject(configsEntry.oid, 'tree'))) if (!isTreeMode(entry.mode) && entry.mode !== SUBMODULE_MODE) files.set(entry.path, entry.oid);
    }
    this.lastListing = { commit, root, configs: ConfigsTree.of(files) };
    return this.lastListing;
  }

  /**
   * Compare and swap under git's ref lock: the branch must still be at `expected` while the
   * lock is held; the new value replaces it in one rename.
   */
  private async moveBranch(expected: string | undefined, oid: string): Promise<void> {
    const refPath = join(this.gitdir, BRANCH_REF);
    await mkdir(dirname(refPath), { recursive: true });
    try {
      await replaceUnderLock(refPath, async () => {
        const found = await this.head();
        if (found !== expected) throw new ArchiveHeadMovedError(expected, found);
        return `${oid}\n`;
      });
    } catch (error) {
      if (error instanceof FileLockedError) throw new ArchiveBranchLockedError(error.lockPath);
      throw error;
    }
  }
}
