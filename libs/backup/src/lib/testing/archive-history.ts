import * as git from 'isomorphic-git';
import * as fs from 'node:fs';
import { join } from 'node:path';

export interface ArchiveCommit {
  oid: string;
  parents: string[];
  author: string;
  message: string;
}

/** Every commit of the archive's branch, newest first, walking first parents; the repository is `<dataDir>/configs.git`. */
export async function archiveHistory(dataDir: string): Promise<ArchiveCommit[]> {
  const gitdir = join(dataDir, 'configs.git');
  let oid: string | undefined;
  try {
    oid = await git.resolveRef({ fs, gitdir, ref: 'refs/heads/main' });
  } catch {
    return [];
  }
  const commits: ArchiveCommit[] = [];
  const cache = {};
  while (oid) {
    const { commit } = await git.readCommit({ fs, gitdir, oid, cache });
    commits.push({ oid, parents: commit.parent, author: commit.author.name, message: commit.message });
    oid = commit.parent[0];
  }
  return commits;
}
