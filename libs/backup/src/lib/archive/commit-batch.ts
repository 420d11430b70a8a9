import { type Clock, NotFoundError } from '@netkeep/core';
import { randomUUID } from 'node:crypto';
import { NoiseFilter } from '../noise/noise-filter';
import type { NoiseRule } from '../noise/noise-rule';
import { canonicalPlatform } from '../shared/platform-name';
import { linesOf, normaliseLineBreaks, sha256Hex } from '../shared/text-lines';
import { type ArchiveIndex, type IndexBatch, type LatestCheck, latestRowOf, toConfigVersion } from './archive-index';
import type { ArchiveWrite, RemovalWrite, StoreWrite } from './archive-write';
import type { ConfigLatestRow, ConfigLatestTable, ConfigVersionRow, ConfigVersionsTable } from './backup.tables';
import { summariseChange } from './change-summary';
import { formatCommitMessage } from './commit-message';
import { deviceFilePaths } from './device-file-name';
import type { FileChange } from './git-config-repository';
import { authorSignature, NETKEEP_IDENTITY, secondsOf } from './store-request';

/** A device as the writes planned so far leave it. */
interface DeviceState {
  row: ConfigLatestTable;
  /** The name the index holds now, to tell a rename. */
  indexedName: string | undefined;
  /** The version this batch made last, and which of its commits holds it. */
  pending?: { version: ConfigVersionsTable; commit: number };
  /** A version or removal of this batch rewrote the row: it is written back whole. */
  rewritten: boolean;
}

/** Candidates per new device checked with one query up front; further ones are asked one by one (rare). */
const PREFETCHED_FILE_CANDIDATES = 2;

/**
 * One batch of archive writes, planned in arrival order as if each ran after the one before:
 * a device stored twice sees its first store, a device removed and stored again gets its file
 * back. Planning reads the index once up front (latest rows, their versions, file names) and
 * yields the file changes, one commit each; once git has them, the index rows and each
 * caller's result follow from the commit ids.
 */
export class CommitBatch {
  /** One per commit, in order. */
  readonly changes: FileChange[] = [];
  private readonly versions: { version: ConfigVersionsTable; commit: number }[] = [];
  private readonly states = new Map<string, DeviceState>();
  private readonly results: ((commits: readonly string[]) => void)[] = [];
  /** File keys the batch gave to new devices. */
  private readonly claimed = new Set<string>();
  private readonly filters = new Map<string, NoiseFilter>();
  private lastChangeAt: Date | undefined;

  private constructor(
    private readonly index: ArchiveIndex,
    private readonly indexed: ReadonlyMap<string, ConfigLatestRow>,
    private readonly latestVersions: ReadonlyMap<string, ConfigVersionRow>,
    private readonly fileOwners: ReadonlyMap<string, string | undefined>,
    private readonly rules: readonly NoiseRule[],
    private readonly clock: Clock,
  ) {}

  /** Reads what the writes need from the index: three queries, whatever the batch size. */
  static async open(writes: readonly ArchiveWrite[], index: ArchiveIndex, rules: readonly NoiseRule[], clock: Clock): Promise<CommitBatch> {
    const latest = await index.latestOf(writes.map((write) => (write.kind === 'store' ? write.request.deviceId : write.deviceId)));
    const versions = await index.versionsById([...latest.values()].map((row) => row.version_id));
    const candidates = writes.flatMap((write) =>
      write.kind === 'store' && !latest.has(write.request.deviceId) ? firstCandidates(write.request.deviceName, write.request.deviceId) : [],
    );
    const owners = await index.fileOwners(candidates);
    const fileOwners = new Map<string, string | undefined>(candidates.map((key) => [key, owners.get(key)]));
    return new CommitBatch(index, latest, versions, fileOwners, rules, clock);
  }

  /** Plans one write; when it cannot be made it throws and the batch stays as it was. */
  async add(write: ArchiveWrite): Promise<void> {
    if (write.kind === 'store') await this.addStore(write);
    else this.addRemoval(write);
  }

  /** What the index records once git holds `commits` (one per change). */
  indexBatch(commits: readonly string[]): IndexBatch {
    const committed = (version: ConfigVersionsTable, commit: number) => ({ ...version, commit_oid: commits[commit] as string });
    const latest: ConfigLatestTable[] = [];
    const checks: LatestCheck[] = [];
    for (const state of this.states.values()) {
      if (state.rewritten) latest.push(state.pending ? { ...state.row, commit_oid: commits[state.pending.commit] as string } : state.row);
      else checks.push({ deviceId: state.row.device_id, checkedAt: state.row.checked_at, deviceName: state.row.device_name !== state.indexedName ? state.row.device_name : undefined });
    }
    const head = commits.length > 0 && this.lastChangeAt ? { commit: commits[commits.length - 1] as string, at: this.lastChangeAt } : undefined;
    return { versions: this.versions.map(({ version, commit }) => committed(version, commit)), latest, checks, head };
  }

  /** Gives every planned write its result. */
  settle(commits: readonly string[]): void {
    for (const result of this.results) result(commits);
  }

  private async addStore(write: StoreWrite): Promise<void> {
    const { request } = write;
    const at = secondsOf(request.at ?? this.clock.now());
    const platform = canonicalPlatform(request.platform);
    const noise = this.noiseFor(platform);
    const { stored: content, significant } = noise.filter(normaliseLineBreaks(request.content));
    const significantHash = sha256Hex(significant);
    const state = this.stateOf(request.deviceId);
    const latest = state?.row;
    const runId = request.runId ?? null;

    if (state && latest && !latest.removed_at && sha256Hex(noise.significant(latest.content)) === significantHash) {
      const existing = this.latestVersionOf(state);
      this.states.set(request.deviceId, { ...state, row: { ...latest, checked_at: at.toISOString(), device_name: request.deviceName } });
      this.results.push((commits) => {
        const version = toConfigVersion(existing.commit === undefined ? existing.version : { ...existing.version, commit_oid: commits[existing.commit] as string });
        write.done({ changed: runId !== null && version.runId === runId, version });
      });
      return;
    }

    const filePath = latest?.file_path ?? (await this.assignFilePath(request.deviceId, request.deviceName));
    const versionId = randomUUID();
    const author = authorSignature(request.author, at);
    const version: ConfigVersionsTable = {
      id: versionId,
      device_id: request.deviceId,
      device_name: request.deviceName,
      platform,
      revision: (latest?.revision ?? 0) + 1,
      commit_oid: '',
      file_path: filePath,
      content_hash: sha256Hex(content),
      significant_hash: significantHash,
      author_name: author.name,
      author_email: author.email,
      trigger: request.trigger,
      run_id: runId,
      created_at: at.toISOString(),
      line_count: linesOf(content).length,
      summary: summariseChange(platform, latest && !latest.removed_at ? latest.content : undefined, content, noise),
    };
    const commit = this.commit({
      path: filePath,
      content,
      message: formatCommitMessage({ kind: 'change', deviceId: request.deviceId, deviceName: request.deviceName, platform, trigger: request.trigger, runId, versionId }),
      author,
      committer: { ...NETKEEP_IDENTITY, at },
    });
    this.versions.push({ version, commit });
    this.claimed.add(filePath.toLowerCase());
    this.states.set(request.deviceId, { row: latestRowOf(version, content, at.toISOString()), indexedName: state?.indexedName, pending: { version, commit }, rewritten: true });
    this.results.push((commits) => write.done({ changed: true, version: toConfigVersion({ ...version, commit_oid: commits[commit] as string }) }));
  }

  private addRemoval(write: RemovalWrite): void {
    const { deviceId, request } = write;
    const state = this.stateOf(deviceId);
    if (!state || state.row.removed_at) throw new NotFoundError(`device ${deviceId} has no configuration in the archive`);
    const at = secondsOf(request.at ?? this.clock.now());
    const { row } = state;
    const commit = this.commit({
      path: row.file_path,
      content: null,
      message: formatCommitMessage({ kind: 'removal', deviceId, deviceName: row.device_name, platform: row.platform, trigger: request.trigger ?? 'manual', runId: request.runId ?? null }),
      author: authorSignature(request.author, at),
      committer: { ...NETKEEP_IDENTITY, at },
    });
    this.states.set(deviceId, { ...state, row: { ...row, removed_at: at.toISOString() }, rewritten: true });
    this.results.push((commits) => write.done({ commit: commits[commit] as string }));
  }

  private commit(change: FileChange): number {
    this.changes.push(change);
    this.lastChangeAt = change.committer.at;
    return this.changes.length - 1;
  }

  private stateOf(deviceId: string): DeviceState | undefined {
    const planned = this.states.get(deviceId);
    if (planned) return planned;
    const row = this.indexed.get(deviceId);
    return row && { row, indexedName: row.device_name, rewritten: false };
  }

  /** The version a device's latest row names: one this batch made, or one the index holds. */
  private latestVersionOf(state: DeviceState): { version: ConfigVersionsTable; commit?: number } {
    if (state.pending) return state.pending;
    const version = this.latestVersions.get(state.row.version_id);
    if (!version) throw new NotFoundError(`version ${state.row.version_id} is not in the index`);
    return { version };
  }

  private async assignFilePath(deviceId: string, deviceName: string): Promise<string> {
    for (const candidate of deviceFilePaths(deviceName, deviceId)) {
      const key = candidate.toLowerCase();
      if (this.claimed.has(key)) continue;
      const owner = this.fileOwners.get(key);
      const taken = this.fileOwners.has(key) ? owner !== undefined && owner !== deviceId : await this.index.fileTaken(candidate, deviceId);
      if (!taken) return candidate;
    }
    throw new Error('unreachable: the candidates never end');
  }

  private noiseFor(platform: string): NoiseFilter {
    let filter = this.filters.get(platform);
    if (!filter) {
      filter = NoiseFilter.for(platform, this.rules);
      this.filters.set(platform, filter);
    }
    return filter;
  }
}

function firstCandidates(deviceName: string, deviceId: string): string[] {
  const keys: string[] = [];
  for (const candidate of deviceFilePaths(deviceName, deviceId)) {
    keys.push(candidate.toLowerCase());
    if (keys.length === PREFETCHED_FILE_CANDIDATES) break;
  }
  return keys;
}
