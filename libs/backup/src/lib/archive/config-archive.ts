import { type Clock, type NetkeepDatabase, NotFoundError, SystemClock, ValidationFailedError } from '@netkeep/core';
import { randomUUID } from 'node:crypto';
import { diffSections, type SectionChange } from '../diff/section-diff';
import { type UnifiedDiff, unifiedDiff } from '../diff/unified-diff';
import { DEFAULT_NOISE_RULES } from '../noise/default-noise-rules';
import { NoiseFilter } from '../noise/noise-filter';
import type { NoiseRule } from '../noise/noise-rule';
import { NoiseRulesRepository } from '../noise/noise-rules.repository';
import { DEFAULT_SEARCH_LIMITS, type SearchLimits, type SearchOptions, type SearchResult, searchConfigurations } from '../search/config-search';
import { canonicalPlatform } from '../shared/platform-name';
import { linesOf, normaliseLineBreaks, sha256Hex } from '../shared/text-lines';
import { ArchiveIndex, toArchivedDevice, toConfigVersion } from './archive-index';
import type { ConfigLatestRow, ConfigVersionRow, ConfigVersionsTable } from './backup.tables';
import { summariseChange } from './change-summary';
import { formatCommitMessage } from './commit-message';
import type { ArchivedDevice, ConfigVersion, Page, RemoveRequest, StoreRequest, StoreResult, VersionRef } from './config-version';
import { deviceFilePaths } from './device-file-name';
import { GitConfigRepository } from './git-config-repository';
import { IndexReconciler, type ReconcileReport } from './index-reconciler';
import { Mutex } from './mutex';
import { type PushOutcome, RemotePusher, type RemotePushOptions, type RemoteTarget } from './remote-push';
import { authorSignature, NETKEEP_IDENTITY, secondsOf, validateStoreRequest } from './store-request';

export interface ConfigArchiveOptions {
  /** The bare git repository (created on first use), e.g. `<data>/configs.git`. */
  repositoryDir: string;
  /** Migrated with `backupMigrations`. */
  db: NetkeepDatabase;
  clock?: Clock;
  /** Operator rules; default: the `config_noise_rules` table, read at every store. */
  noiseRules?: () => Promise<readonly NoiseRule[]>;
  /** Per-platform defaults applied before the operator's rules; default `DEFAULT_NOISE_RULES`. */
  defaultNoiseRules?: readonly NoiseRule[];
  /** Mirror every commit batch to this remote. */
  remote?: RemotePushOptions;
  /** Told about every push, successful or not. */
  onPush?: (outcome: PushOutcome) => void;
  search?: Partial<SearchLimits>;
  /** Where reconciliation and push problems are reported (pino-compatible). */
  logger?: ArchiveLogger;
}

export interface ArchiveLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface VersionContent {
  version: ConfigVersion;
  content: string;
}

export interface DiffOptions {
  format: 'unified' | 'sections';
}

export interface UnifiedConfigDiff extends UnifiedDiff {
  format: 'unified';
  from: ConfigVersion;
  to: ConfigVersion;
}

export interface SectionConfigDiff {
  format: 'sections';
  from: ConfigVersion;
  to: ConfigVersion;
  sections: SectionChange[];
}

export type ConfigDiff = UnifiedConfigDiff | SectionConfigDiff;

const MAX_PAGE_SIZE = 500;

/**
 * The configuration archive: one bare git repository (one file per device, one commit per
 * change) and an index in the database that answers every listing without touching git.
 *
 * Writes are serialised by an in-process mutex and meant for one writer process (the
 * archive queue's single consumer). A store is idempotent: the same significant content
 * makes no commit and returns the existing version. The commit comes first and the index
 * follows; when the index write is lost, the next `open` or `store` finds the branch ahead
 * of the index and indexes the missing commits from git (see `IndexReconciler`).
 */
export class ConfigArchive {
  private readonly repository: GitConfigRepository;
  private readonly index: ArchiveIndex;
  private readonly noiseRules: NoiseRulesRepository;
  private readonly clock: Clock;
  private readonly writes = new Mutex();
  private readonly reconciler: IndexReconciler;
  private readonly pusher: RemotePusher | undefined;
  private readonly searchLimits: SearchLimits;
  private initialised = false;
  /** The branch commit the index is known to record; null until compared once. */
  private indexedHead: string | undefined | null = null;

  constructor(private readonly options: ConfigArchiveOptions) {
    this.repository = new GitConfigRepository(options.repositoryDir);
    this.index = new ArchiveIndex(options.db);
    this.noiseRules = new NoiseRulesRepository(options.db);
    this.clock = options.clock ?? new SystemClock();
    this.reconciler = new IndexReconciler(this.repository, this.index);
    this.searchLimits = { ...DEFAULT_SEARCH_LIMITS, ...options.search };
    if (options.remote) {
      this.pusher = new RemotePusher(this.repository, options.remote, this.clock, (outcome) => this.reportPush(outcome));
    }
  }

  /** Creates the repository if needed and brings the index up to the branch. Call at start-up; stores do it too. */
  open(): Promise<ReconcileReport> {
    return this.writes.run(() => this.prepare());
  }

  /**
   * Archives a device's configuration. Drop rules remove lines first; if what is left equals
   * the latest version once ignored lines are set aside, nothing is committed and the latest
   * version is returned (`changed` is true only when the request repeats the run that made it).
   */
  async store(request: StoreRequest): Promise<StoreResult> {
    validateStoreRequest(request);
    return this.writes.run(async () => {
      await this.prepare();
      const at = secondsOf(request.at ?? this.clock.now());
      const platform = canonicalPlatform(request.platform);
      const noise = await this.noiseFor(platform);
      const content = noise.drop(normaliseLineBreaks(request.content));
      const significantHash = sha256Hex(noise.significant(content));
      const latest = await this.index.latest(request.deviceId);
      const runId = request.runId ?? null;

      if (latest && !latest.removed_at && sha256Hex(noise.significant(latest.content)) === significantHash) {
        await this.index.recordCheck(request.deviceId, at, request.deviceName);
        const existing = toConfigVersion(await this.requireVersion(latest.version_id));
        return { changed: runId !== null && existing.runId === runId, version: existing };
      }

      const filePath = latest?.file_path ?? (await this.assignFilePath(request.deviceId, request.deviceName));
      const versionId = randomUUID();
      const author = authorSignature(request.author, at);
      const parent = this.indexedHead ?? undefined;
      const commit = await this.repository.commitFile({
        parent,
        path: filePath,
        content,
        message: formatCommitMessage({ kind: 'change', deviceId: request.deviceId, deviceName: request.deviceName, platform, trigger: request.trigger, runId, versionId }),
        author,
        committer: { ...NETKEEP_IDENTITY, at },
      });
      const version: ConfigVersionsTable = {
        id: versionId,
        device_id: request.deviceId,
        device_name: request.deviceName,
        platform,
        revision: (latest?.revision ?? 0) + 1,
        commit_oid: commit,
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
      await this.index.transaction((index) => index.recordVersion(version, content, at));
      this.indexedHead = commit;
      this.pusher?.request();
      return { changed: true, version: toConfigVersion(version) };
    });
  }

  /** Removes a device's file from the archive in a commit; its versions stay listed. */
  async remove(deviceId: string, request: RemoveRequest = {}): Promise<{ commit: string }> {
    return this.writes.run(async () => {
      await this.prepare();
      const latest = await this.index.latest(deviceId);
      if (!latest || latest.removed_at) throw new NotFoundError(`device ${deviceId} has no configuration in the archive`);
      const at = secondsOf(request.at ?? this.clock.now());
      const commit = await this.repository.commitFile({
        parent: this.indexedHead ?? undefined,
        path: latest.file_path,
        content: null,
        message: formatCommitMessage({
          kind: 'removal',
          deviceId,
          deviceName: latest.device_name,
          platform: latest.platform,
          trigger: request.trigger ?? 'manual',
          runId: request.runId ?? null,
        }),
        author: authorSignature(request.author, at),
        committer: { ...NETKEEP_IDENTITY, at },
      });
      await this.index.transaction((index) => index.recordRemoval(deviceId, commit, at));
      this.indexedHead = commit;
      this.pusher?.request();
      return { commit };
    });
  }

  /** A device's versions, newest first, from the index alone. */
  async versions(deviceId: string, page: { limit?: number; offset?: number } = {}): Promise<Page<ConfigVersion>> {
    const { count, rows } = await this.index.listVersions(deviceId, pageSize(page.limit), Math.max(0, page.offset ?? 0));
    return { count, results: rows.map(toConfigVersion) };
  }

  async latest(deviceId: string): Promise<ConfigVersion | undefined> {
    const latest = await this.index.latest(deviceId);
    return latest ? toConfigVersion(await this.requireVersion(latest.version_id)) : undefined;
  }

  /** A version's text: the latest from the index, older ones from git. */
  async content(deviceId: string, ref: VersionRef): Promise<VersionContent> {
    const row = await this.findVersion(deviceId, ref);
    return { version: toConfigVersion(row), content: await this.textOf(row) };
  }

  diff(deviceId: string, from: VersionRef, to: VersionRef, options: { format: 'unified' }): Promise<UnifiedConfigDiff>;
  diff(deviceId: string, from: VersionRef, to: VersionRef, options: { format: 'sections' }): Promise<SectionConfigDiff>;
  diff(deviceId: string, from: VersionRef, to: VersionRef, options?: DiffOptions): Promise<ConfigDiff>;
  /** The difference between any two versions of a device, as a unified diff or grouped by configuration section. */
  async diff(deviceId: string, from: VersionRef, to: VersionRef, options: DiffOptions = { format: 'unified' }): Promise<ConfigDiff> {
    const [older, newer] = await Promise.all([this.findVersion(deviceId, from), this.findVersion(deviceId, to)]);
    const [before, after] = await Promise.all([this.textOf(older), this.textOf(newer)]);
    const fromVersion = toConfigVersion(older);
    const toVersion = toConfigVersion(newer);
    if (options.format === 'sections') {
      const noise = await this.noiseFor(newer.platform);
      const sections = diffSections(before, after, newer.platform, { ignoreLine: (line) => noise.isIgnored(line) });
      return { format: 'sections', from: fromVersion, to: toVersion, sections };
    }
    const labels = { from: `${older.commit_oid.slice(0, 12)} ${older.created_at}`, to: `${newer.commit_oid.slice(0, 12)} ${newer.created_at}` };
    return { format: 'unified', from: fromVersion, to: toVersion, ...unifiedDiff(newer.device_name, before, after, labels) };
  }

  /** A regular expression over every device's latest configuration (from the index, never git), with a time budget. */
  search(pattern: string, options: SearchOptions = {}): Promise<SearchResult> {
    return searchConfigurations(
      (after, size) => this.index.searchBatch(after && { deviceName: after.deviceName, deviceId: after.deviceId }, size, options.deviceIds),
      pattern,
      options,
      this.searchLimits,
    );
  }

  /** Every archived device with its latest version and freshness, by name. */
  async devicesStatus(page: { limit?: number; offset?: number } = {}): Promise<Page<ArchivedDevice>> {
    const { count, rows } = await this.index.devices(pageSize(page.limit), Math.max(0, page.offset ?? 0));
    return { count, results: rows.map(toArchivedDevice) };
  }

  /** Pushes the branch to a remote now: the configured one by default. */
  async pushTo(target?: RemoteTarget): Promise<PushOutcome> {
    await this.writes.run(() => this.prepare());
    if (target) return this.pusherFor(target).push(target);
    if (!this.pusher) throw new ValidationFailedError([{ field: 'remote', problems: ['no remote is configured for the archive'] }]);
    return this.pusher.push();
  }

  /** The last push to the configured remote. */
  get lastPush(): PushOutcome | undefined {
    return this.pusher?.lastOutcome;
  }

  /** Waits for queued writes and pushes; the archive stays usable. */
  async flush(): Promise<void> {
    await this.writes.idle();
    await this.pusher?.flush();
  }

  private async prepare(): Promise<ReconcileReport> {
    if (!this.initialised) {
      await this.repository.init();
      this.initialised = true;
    }
    const head = await this.repository.head();
    const unchanged: ReconcileReport = { head, indexed: [], skipped: [], diverged: false };
    if (this.indexedHead !== null && head === this.indexedHead) return unchanged;
    const indexed = await this.index.head();
    if (head === indexed) {
      this.indexedHead = head;
      return unchanged;
    }
    const report = await this.reconciler.reconcile(head, indexed, await this.loadNoiseRules());
    this.indexedHead = head;
    if (report.indexed.length > 0 || report.diverged) {
      this.options.logger?.warn(
        { head, indexedHead: indexed ?? null, reindexed: report.indexed.length, skipped: report.skipped, diverged: report.diverged },
        'archive index was behind git; indexed the missing commits',
      );
    }
    return report;
  }

  private async noiseFor(platform: string): Promise<NoiseFilter> {
    return NoiseFilter.for(platform, await this.loadNoiseRules());
  }

  private async loadNoiseRules(): Promise<NoiseRule[]> {
    const operatorRules = this.options.noiseRules ? await this.options.noiseRules() : await this.noiseRules.list();
    return [...(this.options.defaultNoiseRules ?? DEFAULT_NOISE_RULES), ...operatorRules];
  }

  private async assignFilePath(deviceId: string, deviceName: string): Promise<string> {
    for (const candidate of deviceFilePaths(deviceName, deviceId)) {
      if (!(await this.index.fileTaken(candidate, deviceId))) return candidate;
    }
    throw new Error('unreachable: the candidates never end');
  }

  private async findVersion(deviceId: string, ref: VersionRef): Promise<ConfigVersionRow> {
    const row = await this.index.findVersion(deviceId, ref);
    if (!row) throw new NotFoundError(`device ${deviceId} has no version ${ref}`);
    return row;
  }

  private async requireVersion(id: string): Promise<ConfigVersionRow> {
    const row = await this.index.versionById(id);
    if (!row) throw new NotFoundError(`version ${id} is not in the index`);
    return row;
  }

  private async textOf(row: ConfigVersionRow): Promise<string> {
    const latest: ConfigLatestRow | undefined = await this.index.latest(row.device_id);
    if (latest?.version_id === row.id) return latest.content;
    const text = await this.repository.readFile(row.commit_oid, row.file_path);
    if (text === undefined) throw new NotFoundError(`commit ${row.commit_oid} has no ${row.file_path}; the repository does not match the index`);
    return text;
  }

  private pusherFor(target: RemoteTarget): RemotePusher {
    return new RemotePusher(this.repository, { ...target, pushAfterCommit: false }, this.clock, (outcome) => this.reportPush(outcome));
  }

  private reportPush(outcome: PushOutcome): void {
    if (!outcome.ok) this.options.logger?.warn({ remote: outcome.url, commit: outcome.commit, error: outcome.error }, 'archive push failed; local commits are kept');
    this.options.onPush?.(outcome);
  }
}

function pageSize(limit: number | undefined): number {
  return Math.max(1, Math.min(limit ?? 50, MAX_PAGE_SIZE));
}
