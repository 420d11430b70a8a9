import type { NetkeepDatabase } from '@netkeep/core';
import { sql, type Kysely } from 'kysely';
import type { BackupTables, ConfigLatestRow, ConfigLatestTable, ConfigVersionRow, ConfigVersionsTable } from './backup.tables';
import type { ArchivedDevice, ConfigVersion } from './config-version';

const STATE_ID = 'main';
const COMMIT_OID = /^[0-9a-f]{40}$/;
const REVISION = /^\d{1,9}$/;
/** Rows per multi-row statement: far below SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS_PER_STATEMENT = 200;

/** What a batch of archive writes leaves in the index, written in one transaction. */
export interface IndexBatch {
  /** New versions, in commit order. */
  versions: readonly ConfigVersionsTable[];
  /** The whole latest row of each device a version or a removal touched, as the batch leaves it. */
  latest: readonly ConfigLatestTable[];
  /** Devices stored again without a change: only their freshness (and name) moves. */
  checks: readonly LatestCheck[];
  /** The branch commit after the batch; absent when it committed nothing. */
  head?: { commit: string; at: Date };
}

export interface LatestCheck {
  deviceId: string;
  checkedAt: string;
  /** Set when the device was renamed since its row was written. */
  deviceName?: string;
}

/**
 * The database side of the archive: every listing and status is answered here, never by git.
 * `config_versions` (a row per version), `config_latest` (a row per device, with the latest
 * text for search), `config_archive_state` (the last commit indexed).
 */
export class ArchiveIndex {
  private readonly db: Kysely<BackupTables>;

  constructor(db: NetkeepDatabase) {
    this.db = db as Kysely<BackupTables>;
  }

  /** Runs `work` with an index bound to one transaction. */
  transaction<T>(work: (index: ArchiveIndex) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new ArchiveIndex(trx)));
  }

  async head(): Promise<string | undefined> {
    const row = await this.db.selectFrom('config_archive_state').select('head_commit').where('id', '=', STATE_ID).executeTakeFirst();
    return row?.head_commit;
  }

  async setHead(commit: string, at: Date): Promise<void> {
    const values = { id: STATE_ID, head_commit: commit, updated_at: at.toISOString() };
    await this.db
      .insertInto('config_archive_state')
      .values(values)
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ head_commit: values.head_commit, updated_at: values.updated_at }))
      .execute();
  }

  async latest(deviceId: string): Promise<ConfigLatestRow | undefined> {
    return this.db.selectFrom('config_latest').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
  }

  /** The latest rows of these devices, by device id. */
  async latestOf(deviceIds: readonly string[]): Promise<Map<string, ConfigLatestRow>> {
    const rows = new Map<string, ConfigLatestRow>();
    for (const ids of chunks([...new Set(deviceIds)])) {
      for (const row of await this.db.selectFrom('config_latest').selectAll().where('device_id', 'in', ids).execute()) rows.set(row.device_id, row);
    }
    return rows;
  }

  /** Versions by id. */
  async versionsById(ids: readonly string[]): Promise<Map<string, ConfigVersionRow>> {
    const rows = new Map<string, ConfigVersionRow>();
    for (const chunk of chunks([...new Set(ids)])) {
      for (const row of await this.db.selectFrom('config_versions').selectAll().where('id', 'in', chunk).execute()) rows.set(row.id, row);
    }
    return rows;
  }

  /** Which of these file keys (lower-case paths) a device holds, and which device. */
  async fileOwners(fileKeys: readonly string[]): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    for (const keys of chunks([...new Set(fileKeys)])) {
      const rows = await this.db.selectFrom('config_latest').select(['file_key', 'device_id']).where('file_key', 'in', keys).execute();
      for (const row of rows) owners.set(row.file_key, row.device_id);
    }
    return owners;
  }

  async latestByFile(filePath: string): Promise<ConfigLatestRow | undefined> {
    return this.db.selectFrom('config_latest').selectAll().where('file_key', '=', filePath.toLowerCase()).executeTakeFirst();
  }

  async fileTaken(filePath: string, exceptDeviceId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('config_latest')
      .select('device_id')
      .where('file_key', '=', filePath.toLowerCase())
      .where('device_id', '!=', exceptDeviceId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** A device's version by id, commit, revision number or `latest`. */
  async findVersion(deviceId: string, ref: string): Promise<ConfigVersionRow | undefined> {
    let query = this.db.selectFrom('config_versions').selectAll().where('device_id', '=', deviceId);
    if (ref === 'latest') query = query.orderBy('revision', 'desc').limit(1);
    else if (COMMIT_OID.test(ref)) query = query.where('commit_oid', '=', ref);
    else if (REVISION.test(ref)) query = query.where('revision', '=', Number(ref));
    else query = query.where('id', '=', ref);
    return query.executeTakeFirst();
  }

  async versionById(id: string): Promise<ConfigVersionRow | undefined> {
    return this.db.selectFrom('config_versions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * One page of a device's versions, newest first, and how many there are: one query, a range
   * scan of the (device_id, revision) index; a second only when the page is past the end.
   */
  async listVersions(deviceId: string, limit: number, offset: number): Promise<{ count: number; rows: ConfigVersionRow[] }> {
    const rows = await this.db
      .selectFrom('config_versions')
      .selectAll()
      .select(sql<string | number>`count(*) over ()`.as('total'))
      .where('device_id', '=', deviceId)
      .orderBy('revision', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    if (rows.length > 0) return { count: Number(rows[0]?.total), rows: rows.map(({ total: _total, ...row }) => row) };
    if (offset === 0) return { count: 0, rows: [] };
    const counted = await this.db
      .selectFrom('config_versions')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('device_id', '=', deviceId)
      .executeTakeFirstOrThrow();
    return { count: Number(counted.count), rows: [] };
  }

  async maxRevision(deviceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('config_versions')
      .select((eb) => eb.fn.max('revision').as('revision'))
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
    return Number(row?.revision ?? 0);
  }

  async hasVersion(commit: string, deviceId: string): Promise<boolean> {
    const row = await this.db.selectFrom('config_versions').select('id').where('commit_oid', '=', commit).where('device_id', '=', deviceId).executeTakeFirst();
    return row !== undefined;
  }

  async versionIdTaken(id: string): Promise<boolean> {
    return (await this.versionById(id)) !== undefined;
  }

  /** Records a committed version: its row, the device's latest text, and the indexed head. Call inside `transaction`. */
  async recordVersion(version: ConfigVersionsTable, content: string, checkedAt: Date): Promise<void> {
    await this.db.insertInto('config_versions').values(version).execute();
    await this.upsertLatest([latestRowOf(version, content, checkedAt.toISOString())]);
    await this.setHead(version.commit_oid, checkedAt);
  }

  /** Records what a batch of writes committed and checked, and the head it left. Call inside `transaction`. */
  async recordBatch(batch: IndexBatch): Promise<void> {
    for (const rows of chunks(batch.versions)) await this.db.insertInto('config_versions').values(rows).execute();
    for (const rows of chunks(batch.latest)) await this.upsertLatest(rows);
    const renamed = batch.checks.filter((check) => check.deviceName !== undefined);
    const byTime = new Map<string, string[]>();
    for (const check of batch.checks) if (check.deviceName === undefined) byTime.set(check.checkedAt, [...(byTime.get(check.checkedAt) ?? []), check.deviceId]);
    // Stores in one batch mostly share their second: one statement per second, not per device.
    for (const [checkedAt, deviceIds] of byTime) {
      for (const ids of chunks(deviceIds)) await this.db.updateTable('config_latest').set({ checked_at: checkedAt }).where('device_id', 'in', ids).execute();
    }
    for (const check of renamed) {
      await this.db.updateTable('config_latest').set({ checked_at: check.checkedAt, device_name: check.deviceName }).where('device_id', '=', check.deviceId).execute();
    }
    if (batch.head) await this.setHead(batch.head.commit, batch.head.at);
  }

  /** The device's file left the archive at `commit`; its versions stay listed. Call inside `transaction`. */
  async recordRemoval(deviceId: string, commit: string, at: Date): Promise<void> {
    await this.db.updateTable('config_latest').set({ removed_at: at.toISOString() }).where('device_id', '=', deviceId).execute();
    await this.setHead(commit, at);
  }

  async devices(limit: number, offset: number): Promise<{ count: number; rows: Omit<ConfigLatestRow, 'content'>[] }> {
    const rows = await this.db
      .selectFrom('config_latest')
      .select([
        'device_id',
        'device_name',
        'platform',
        'file_path',
        'file_key',
        'version_id',
        'revision',
        'commit_oid',
        'content_hash',
        'significant_hash',
        'changed_at',
        'checked_at',
        'removed_at',
      ])
      .select(sql<string | number>`count(*) over ()`.as('total'))
      .orderBy('device_name')
      .orderBy('device_id')
      .limit(limit)
      .offset(offset)
      .execute();
    const count = rows.length > 0 ? Number(rows[0]?.total) : await this.countDevices();
    return { count, rows: rows.map(({ total: _total, ...row }) => row) };
  }

  private async countDevices(): Promise<number> {
    const row = await this.db.selectFrom('config_latest').select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** The next batch of latest configurations for search, in (name, id) order after `after`. */
  async searchBatch(
    after: { deviceName: string; deviceId: string } | undefined,
    size: number,
    deviceIds: readonly string[] | undefined,
  ): Promise<{ deviceId: string; deviceName: string; content: string }[]> {
    let query = this.db
      .selectFrom('config_latest')
      .select(['device_id', 'device_name', 'content'])
      .where('removed_at', 'is', null)
      .orderBy('device_name')
      .orderBy('device_id')
      .limit(size);
    if (deviceIds) query = query.where('device_id', 'in', deviceIds.length > 0 ? [...deviceIds] : ['']);
    if (after) {
      query = query.where((eb) =>
        eb.or([eb('device_name', '>', after.deviceName), eb.and([eb('device_name', '=', after.deviceName), eb('device_id', '>', after.deviceId)])]),
      );
    }
    const rows = await query.execute();
    return rows.map((row) => ({ deviceId: row.device_id, deviceName: row.device_name, content: row.content }));
  }

  private async upsertLatest(rows: readonly ConfigLatestTable[]): Promise<void> {
    await this.db
      .insertInto('config_latest')
      .values([...rows])
      .onConflict((conflict) =>
        conflict.column('device_id').doUpdateSet((eb) => ({
          device_name: eb.ref('excluded.device_name'),
          platform: eb.ref('excluded.platform'),
          file_path: eb.ref('excluded.file_path'),
          file_key: eb.ref('excluded.file_key'),
          version_id: eb.ref('excluded.version_id'),
          revision: eb.ref('excluded.revision'),
          commit_oid: eb.ref('excluded.commit_oid'),
          content: eb.ref('excluded.content'),
          content_hash: eb.ref('excluded.content_hash'),
          significant_hash: eb.ref('excluded.significant_hash'),
          changed_at: eb.ref('excluded.changed_at'),
          checked_at: eb.ref('excluded.checked_at'),
          removed_at: eb.ref('excluded.removed_at'),
        })),
      )
      .execute();
  }
}

/** The latest row a version makes for its device. */
export function latestRowOf(version: ConfigVersionsTable, content: string, checkedAt: string): ConfigLatestTable {
  return {
    device_id: version.device_id,
    device_name: version.device_name,
    platform: version.platform,
    file_path: version.file_path,
    file_key: version.file_path.toLowerCase(),
    version_id: version.id,
    revision: version.revision,
    commit_oid: version.commit_oid,
    content,
    content_hash: version.content_hash,
    significant_hash: version.significant_hash,
    changed_at: version.created_at,
    checked_at: checkedAt,
    removed_at: null,
  };
}

function chunks<T>(items: readonly T[]): T[][] {
  const slices: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) slices.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return slices;
}

export function toConfigVersion(row: ConfigVersionRow): ConfigVersion {
  return {
    id: row.id,
    deviceId: row.device_id,
    deviceName: row.device_name,
    platform: row.platform,
    revision: Number(row.revision),
    commit: row.commit_oid,
    contentHash: row.content_hash,
    significantHash: row.significant_hash,
    author: { name: row.author_name, email: row.author_email },
    trigger: row.trigger,
    runId: row.run_id,
    createdAt: row.created_at,
    lineCount: Number(row.line_count),
    summary: row.summary,
  };
}

export function toArchivedDevice(row: Omit<ConfigLatestRow, 'content'>): ArchivedDevice {
  return {
    deviceId: row.device_id,
    deviceName: row.device_name,
    platform: row.platform,
    filePath: row.file_path,
    latestVersionId: row.version_id,
    revision: Number(row.revision),
    commit: row.commit_oid,
    changedAt: row.changed_at,
    checkedAt: row.checked_at,
    removedAt: row.removed_at,
  };
}
