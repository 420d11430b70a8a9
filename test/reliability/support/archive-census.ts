import Database from 'better-sqlite3';
import * as git from 'isomorphic-git';
import * as fs from 'node:fs';
import { join } from 'node:path';

/** How often the archive holds each device: its index rows and its commits, counted independently. */
export interface ArchiveCensus {
  /** config_versions rows per device id. */
  indexRows: Map<string, number>;
  /** Commits on main per `Device-Id:` trailer. */
  commits: Map<string, number>;
  /** Commits with more than one parent: the archive's history must be one line. */
  merges: number;
}

function countOf<T>(values: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Reads the embedded platform's data dir: the SQLite index (read-only, beside the running writer) and `configs.git`. */
export async function archiveCensus(dataDir: string): Promise<ArchiveCensus> {
  const db = new Database(join(dataDir, 'netkeep.db'), { readonly: true, fileMustExist: true });
  let rows: { device_id: string }[];
  try {
    rows = db.prepare('SELECT device_id FROM config_versions').all() as { device_id: string }[];
  } finally {
    db.close();
  }
  const gitdir = join(dataDir, 'configs.git');
  const deviceIds: string[] = [];
  let merges = 0;
  const cache = {};
  let oid: string | undefined = await git.resolveRef({ fs, gitdir, ref: 'refs/heads/main' }).catch(() => undefined);
  while (oid) {
    const { commit } = await git.readCommit({ fs, gitdir, oid, cache });
    if (commit.parent.length > 1) merges++;
    const deviceId = /^Device-Id: (.+)$/m.exec(commit.message)?.[1];
    if (deviceId) deviceIds.push(deviceId);
    oid = commit.parent[0];
  }
  return { indexRows: countOf(rows.map((row) => row.device_id)), commits: countOf(deviceIds), merges };
}
