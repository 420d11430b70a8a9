import * as git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ArchiveBranchLockedError, ArchiveHeadMovedError } from './archive.errors';
import { ConfigsTree } from './configs-tree';
import { CONFIGS_DIRECTORY } from './device-file-name';
import { durableGitFs as fs, FileLockedError, replaceUnderLock } from './durable-fs';
import { blobObject, commitObject, type EncodedObject, type TreeItem, treeObject } from './git-objects';
import { writeLooseObjects } from './loose-objects';
import { objectWriters } from './object-writers';

export const ARCHIVE_BRANCH = 'main';
const BRANCH_REF = `refs/heads/${ARCHIVE_BRANCH}`;

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
 * The archive's git repository, bare, read through isomorphic-git on node's fs (service images
 * have no git binary). Commits are built from objects (blob, trees, commit) written as loose
 * objects, and the branch is moved last, atomically, so a commit exists for readers only once it
 * is complete. Every object is written durably (see durable-fs.ts) before the branch moves, and
 * the branch before the index is written, so git is never behind the index: the invariant
 * reconciliation relies on. There is no working tree or index file to drift from HEAD.
 */
export class GitConfigRepository {
  /** isomorphic-git's pack cache, shared by every read. */
  private readonly cache = {};
  /** The trees of the last commit seen, so a store does not re-read a large `configs/` tree. */
  private lastListing: Listing | undefined;

  constructor(readonly gitdir: string) {}

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
    const { commit } = await git.readCommit({ fs, gitdir: this.gitdir, oid, cache: this.cache });
    return {
      oid,
      parent: commit.parent[0],
      message: commit.message,
      author: { name: commit.author.name, email: commit.author.email, at: new Date(commit.author.timestamp * 1000) },
    };
  }

  /** A file's text at a commit; undefined when the commit has no such file. */
  async readFile(commit: string, path: string): Promise<string | undefined> {
    try {
      const { blob } = await git.readBlob({ fs, gitdir: this.gitdir, oid: commit, filepath: path, cache: this.cache });
      return Buffer.from(blob).toString('utf8');
    } catch (error) {
      if (error instanceof git.Errors.NotFoundError) return undefined;
      throw error;
    }
  }

  async readBlob(oid: string): Promise<string> {
    const { blob } = await git.readBlob({ fs, gitdir: this.gitdir, oid, cache: this.cache });
    return Buffer.from(blob).toString('utf8');
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
        const configsTree = configs.object();
        objects.push(configsTree);
        root.push({ mode: '040000', path: CONFIGS_DIRECTORY, oid: configsTree.oid });
      }
      const tree = treeObject(root);
      const commit = commitObject({ tree: tree.oid, parents: tip ? [tip] : [], author: change.author, committer: change.committer, message: change.message });
      objects.push(tree, commit);
      commits.push(commit.oid);
      tip = commit.oid;
    }
    await writeLooseObjects(this.gitdir, objects, objectWriters);
    await this.moveBranch(parent, tip as string);
    this.lastListing = { commit: tip as string, root, configs };
    return commits;
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
      cache: this.cache,
    });
    if (!result.ok) throw new Error(result.error ?? 'the remote refused the push');
    const refused = Object.entries(result.refs).find(([, status]) => !status.ok);
    if (refused) throw new Error(`the remote refused ${refused[0]}: ${refused[1].error}`);
  }

  private async configEntries(commit: string | undefined): Promise<ConfigEntries> {
    return (await this.listing(commit)).configs.files();
  }

  private async listing(commit: string | undefined): Promise<Listing> {
    if (!commit) return { commit: '', root: [], configs: ConfigsTree.EMPTY };
    if (this.lastListing?.commit === commit) return this.lastListing;
    const { tree } = await git.readTree({ fs, gitdir: this.gitdir, oid: commit, cache: this.cache });
    const root = tree.map(({ mode, path, oid }) => ({ mode, path, oid }));
    const configsEntry = tree.find((entry) => entry.path === CONFIGS_DIRECTORY && entry.type === 'tree');
    const files: ConfigEntries = new Map();
    if (configsEntry) {
      const listing = await git.readTree({ fs, gitdir: this.gitdir, oid: configsEntry.oid, cache: this.cache });
      for (const entry of listing.tree) if (entry.type === 'blob') files.set(entry.path, entry.oid);
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
