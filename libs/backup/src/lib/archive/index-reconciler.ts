import { randomUUID } from 'node:crypto';
import { NoiseFilter } from '../noise/noise-filter';
import type { NoiseRule } from '../noise/noise-rule';
import { linesOf, sha256Hex } from '../shared/text-lines';
import type { ArchiveIndex } from './archive-index';
import type { ConfigVersionsTable } from './backup.tables';
import { summariseChange } from './change-summary';
import { parseCommitMessage } from './commit-message';
import { CONFIG_FILE_EXTENSION, CONFIGS_DIRECTORY, isConfigFilePath } from './device-file-name';
import type { ConfigFileChange, GitCommitRecord, GitConfigRepository } from './git-config-repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReconcileReport {
  /** The branch commit the index now records. */
  head: string | undefined;
  /** Commits found in git but missing from the index, now indexed (oldest first). */
  indexed: string[];
  /** Files in those commits that could not be tied to a device. */
  skipped: { commit: string; path: string; reason: string }[];
  /** The index named a commit that is not in the branch's history (repository replaced or rewound). */
  diverged: boolean;
}

/**
 * Git is the truth for what was committed; the index may lag behind it by the commits whose
 * index write never happened (a crash between commit and insert, a database outage). This
 * walks back from the branch head to the last commit the index recorded and indexes what it
 * passes, oldest first, each commit in its own transaction, from the commit alone: the
 * trailers name the device, trigger and run; the tree says which file changed.
 */
export class IndexReconciler {
  constructor(
    private readonly repository: GitConfigRepository,
    private readonly index: ArchiveIndex,
  ) {}

  /** `noiseRules` are read by the caller up front: nothing but the transaction may touch the database meanwhile (SQLite has one connection). */
  async reconcile(head: string | undefined, indexedHead: string | undefined, noiseRules: readonly NoiseRule[]): Promise<ReconcileReport> {
    const report: ReconcileReport = { head, indexed: [], skipped: [], diverged: false };
    if (head === indexedHead) return report;

    const missing: GitCommitRecord[] = [];
    let reachedIndexed = indexedHead === undefined;
    for (let oid = head; oid !== undefined; ) {
      if (oid === indexedHead) {
        reachedIndexed = true;
        break;
      }
      const commit = await this.repository.readCommit(oid);
      missing.push(commit);
      oid = commit.parent;
    }
    report.diverged = !reachedIndexed;

    for (const commit of missing.reverse()) {
      await this.indexCommit(commit, report, noiseRules);
      report.indexed.push(commit.oid);
    }
    return report;
  }

  private async indexCommit(commit: GitCommitRecord, report: ReconcileReport, noiseRules: readonly NoiseRule[]): Promise<void> {
    const facts = parseCommitMessage(commit.message);
    const changes = (await this.repository.changedConfigFiles(commit)).filter((change) => isConfigFilePath(change.path));
    await this.index.transaction(async (index) => {
      for (const change of changes) {
        const deviceId = changes.length === 1 && facts.deviceId ? facts.deviceId : (await index.latestByFile(change.path))?.device_id;
        if (!deviceId) {
          report.skipped.push({ commit: commit.oid, path: change.path, reason: 'no Device-Id trailer and no archived device owns the file' });
          continue;
        }
        if (await index.hasVersion(commit.oid, deviceId)) continue;
        if (change.after === null) await index.recordRemoval(deviceId, commit.oid, commit.author.at);
        else await this.indexVersion(index, commit, change, deviceId, changes.length === 1 ? facts : {}, noiseRules);
      }
      await index.setHead(commit.oid, commit.author.at);
    });
  }

  private async indexVersion(
    index: ArchiveIndex,
    commit: GitCommitRecord,
    change: ConfigFileChange,
    deviceId: string,
    facts: ReturnType<typeof parseCommitMessage>,
    noiseRules: readonly NoiseRule[],
  ): Promise<void> {
    const content = await this.repository.readBlob(change.after as string);
    const latest = await index.latest(deviceId);
    const platform = facts.platform ?? latest?.platform ?? 'unknown';
    const noise = NoiseFilter.for(platform, noiseRules);
    const before = latest && !latest.removed_at ? latest.content : undefined;
    const id = facts.versionId && UUID.test(facts.versionId) && !(await index.versionIdTaken(facts.versionId)) ? facts.versionId : randomUUID();
    const createdAt = commit.author.at.toISOString();
    const version: ConfigVersionsTable = {
      id,
      device_id: deviceId,
      device_name: facts.deviceName ?? latest?.device_name ?? fileStem(change.path),
      platform,
      revision: (await index.maxRevision(deviceId)) + 1,
      commit_oid: commit.oid,
      file_path: change.path,
      content_hash: sha256Hex(content),
      significant_hash: sha256Hex(noise.significant(content)),
      author_name: commit.author.name,
      author_email: commit.author.email || null,
      trigger: facts.trigger ?? 'external',
      run_id: facts.runId ?? null,
      created_at: createdAt,
      line_count: linesOf(content).length,
      summary: summariseChange(platform, before, content, noise),
    };
    await index.recordVersion(version, content, commit.author.at);
  }
}

function fileStem(path: string): string {
  return path.slice(CONFIGS_DIRECTORY.length + 1, -CONFIG_FILE_EXTENSION.length);
}
