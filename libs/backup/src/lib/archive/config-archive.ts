import { type Clock, type NetkeepDatabase, NotFoundError, SystemClock, ValidationFailedError } from '@netkeep/core';
import { diffSections, type SectionChange } from '../diff/section-diff';
import { type UnifiedDiff, unifiedDiff } from '../diff/unified-diff';
import { DEFAULT_NOISE_RULES } from '../noise/default-noise-rules';
import { NoiseFilter } from '../noise/noise-filter';
import type { NoiseRule } from '../noise/noise-rule';
import { NoiseRulesRepository } from '../noise/noise-rules.repository';
import { DEFAULT_SEARCH_LIMITS, type SearchLimits, type SearchOptions, type SearchResult, searchConfigurations } from '../search/config-search';
import { GroupCommit } from '../shared/group-commit';
import { Mutex } from '../shared/mutex';
import { ArchiveIndex, toArchivedDevice, toConfigVersion } from './archive-index';
import type { ArchiveWrite } from './archive-write';
import type { ConfigLatestRow, ConfigVersionRow } from './backup.tables';
import { CommitBatch } from './commit-batch';
import type { ArchivedDevice, ConfigVersion, Page, RemoveRequest, StoreRequest, StoreResult, VersionRef } from './config-version';
import { GitConfigRepository } from './git-config-repository';
import { IndexReconciler, type ReconcileReport } from './index-reconciler';
import { type PushOutcome, RemotePusher, type RemotePushOptions, type RemoteTarget } from './remote-push';
import { validateStoreRequest } from './store-request';

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
  /** Told after each move of the branch, with the commits the move published, oldest first. */
  onBranchMoved?: (commits: readonly string[]) => void;
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
/** Writes per batch: bounds one batch's memory, objects in flight and index transaction. */
const MAX_BATCH_WRITES = 256;

/**
 * The configuration archive: one bare git repository (one file per device, one commit per
 * change) and an index in the database that answers every listing without touching git.
 *
 * Writes are meant for one writer process (the one consuming the archive queue) and are
 * written in batches (group commit): stores and removals that arrive while a batch is being
 * written wait together and form the next one, one batch at a time under an in-process mutex.
 * A batch is still one commit per change, in arrival order, as if the writes ran one after
 * another; but all its objects are written together, the branch moves once (compare and swap)
 * and the index is written in one transaction. A store is idempotent: the same significant
 * content makes no commit and returns the existing version. Git comes first and the index
 * follows; when the index write is lost, the next `open` or `store` finds the branch ahead
 * of the index and indexes the missing commits from git (see `IndexReconciler`).
 */
export class ConfigArchive {
  private readonly repository: GitConfigRepository;
  private readonly index: ArchiveIndex;
  private readonly noiseRules: NoiseRulesRepository;
  private readonly clock: Clock;
  private readonly writes = new Mutex();
  private readonly pendingWrites: GroupCommit<ArchiveWrite>;
  private readonly reconciler: IndexReconciler;
  private readonly pusher: RemotePusher | undefined;
  private readonly searchLimits: SearchLimits;
  private initialised = false;
  private packMerge: Promise<void> | undefined;
  /** The branch commit the index is known to record; null until compared once. */
  private indexedHead: string | undefined | null = null;

  constructor(private readonly options: ConfigArchiveOptions) {
    this.repository = new GitConfigRepository(options.repositoryDir);
    this.index = new ArchiveIndex(options.db);
    this.noiseRules = new NoiseRulesRepository(options.db);
    this.clock = options.clock ?? new SystemClock();
    this.reconciler = new IndexReconciler(this.repository, this.index);
    this.pendingWrites = new GroupCommit(this.writes, (batch) => this.writeBatch(batch), MAX_BATCH_WRITES);
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
   * Stores that arrive together are written as one batch (see the class comment).
   */
  async store(request: StoreRequest): Promise<StoreResult> {
    validateStoreRequest(request);
    return new Promise((done, fail) => this.pendingWrites.add({ kind: 'store', request, done, fail }));
  }

  /** Removes a device's file from the archive in a commit; its versions stay listed. */
  remove(deviceId: string, request: RemoveRequest = {}): Promise<{ commit: string }> {
    return new Promise((done, fail) => this.pendingWrites.add({ kind: 'removal', deviceId, request, done, fail }));
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

  /** Waits for queued writes, pack merges and pushes; the archive stays usable. */
  async flush(): Promise<void> {
    await this.writes.idle();
    await this.packMerge;
    await this.pusher?.flush();
  }

  /**
   * Writes a batch: plans every write in order, commits all of them to git with one move of
   * the branch, records them in the index in one transaction, then answers each caller. A write
   * that cannot be made fails alone; a failure of git or of the index fails the whole batch,
   * and its callers retry (a lost index write is recovered from git by `prepare`).
   */
  private async writeBatch(writes: readonly ArchiveWrite[]): Promise<void> {
    await this.prepare();
    const batch = await CommitBatch.open(writes, this.index, await this.loadNoiseRules(), this.clock);
    for (const write of writes) {
      try {
        await batch.add(write);
      } catch (error) {
        write.fail(error);
      }
    }
    const commits = await this.repository.commitFiles(this.indexedHead ?? undefined, batch.changes);
    if (commits.length > 0) this.options.onBranchMoved?.(commits);
    await this.index.transaction((index) => index.recordBatch(batch.indexBatch(commits)));
    if (commits.length > 0) {
      this.indexedHead = commits[commits.length - 1];
      this.pusher?.request();
    }
    batch.settle(commits);
    if (this.repository.packsCrowded) this.mergePacksInBackground();
  }

  /** Every batch adds a pack; past a few, the small ones are merged beside the next batches (they never wait for it). */
  private mergePacksInBackground(): void {
    this.packMerge ??= this.repository
      .consolidatePacks()
      .then(
        () => undefined,
        (error: unknown) => this.options.logger?.warn({ error: (error as Error).message }, 'archive pack merge failed; the packs stay as they were'),
      )
      .finally(() => (this.packMerge = undefined));
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
