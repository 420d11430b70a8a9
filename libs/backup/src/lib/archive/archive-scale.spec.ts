import { CompiledQuery, createQueryId, type Kysely } from 'kysely';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArchiveFixture, DATABASE_KINDS, type ArchiveFixture } from '../../testing/archive.testkit';
import { QueryCounter } from '../../testing/index-faults.testkit';
import type { BackupTables, ConfigLatestTable, ConfigVersionsTable } from './backup.tables';
import { ConfigArchive } from './config-archive';

const DEVICES = 1_000;
const VERSIONS_EACH = 3;
const BUSY_DEVICE_VERSIONS = 100;

function versionRow(device: number, revision: number): ConfigVersionsTable {
  const id = `v-${device}-${revision}`;
  return {
    id,
    device_id: `dev-${device}`,
    device_name: `sw-${String(device).padStart(4, '0')}`,
    platform: 'cisco_ios',
    revision,
    commit_oid: (device * 1_000 + revision).toString(16).padStart(40, '0'),
    file_path: `configs/sw-${device}.cfg`,
    content_hash: 'c'.repeat(64),
    significant_hash: 's'.repeat(64),
    author_name: 'netkeep',
    author_email: 'netkeep@localhost',
    trigger: 'schedule',
    run_id: `run-${revision}`,
    created_at: new Date(Date.UTC(2026, 0, 1) + revision * 3_600_000).toISOString(),
    line_count: 120,
    summary: null,
  };
}

/** The index of a large fleet, written directly: the archive must answer from it alone. */
async function seedIndex(db: Kysely<BackupTables>): Promise<void> {
  const versions: ConfigVersionsTable[] = [];
  const latest: ConfigLatestTable[] = [];
  for (let device = 0; device < DEVICES; device++) {
    const count = device === 0 ? BUSY_DEVICE_VERSIONS : VERSIONS_EACH;
    for (let revision = 1; revision <= count; revision++) versions.push(versionRow(device, revision));
    const last = versionRow(device, count);
    latest.push({
      device_id: last.device_id,
      device_name: last.device_name,
      platform: last.platform,
      file_path: last.file_path,
      file_key: last.file_path.toLowerCase(),
      version_id: last.id,
      revision: count,
      commit_oid: last.commit_oid,
      content: `hostname ${last.device_name}\n`,
      content_hash: last.content_hash,
      significant_hash: last.significant_hash,
      changed_at: last.created_at,
      checked_at: last.created_at,
      removed_at: null,
    });
  }
  for (let i = 0; i < versions.length; i += 500) await db.insertInto('config_versions').values(versions.slice(i, i + 500)).execute();
  for (let i = 0; i < latest.length; i += 500) await db.insertInto('config_latest').values(latest.slice(i, i + 500)).execute();
}

describe.each(DATABASE_KINDS)('listing versions at fleet scale on %s', (kind) => {
  let fixture: ArchiveFixture;
  let counter: QueryCounter;
  let archive: ConfigArchive;
  beforeEach(async () => {
    fixture = await createArchiveFixture(kind);
    await seedIndex(fixture.db);
    counter = new QueryCounter();
    // No repository at all: anything that reached for git would fail.
    archive = new ConfigArchive({ repositoryDir: join(fixture.dataDir, 'no-such-repository'), db: fixture.db.withPlugin(counter) });
  });
  afterEach(() => fixture.destroy());

  it('answers a page of versions with one query, whatever the history length', async () => {
    const busy = await archive.versions('dev-0', { limit: 20 });
    expect(busy.count).toBe(BUSY_DEVICE_VERSIONS);
    expect(busy.results.map((version) => version.revision)).toEqual(Array.from({ length: 20 }, (_, i) => BUSY_DEVICE_VERSIONS - i));
    expect(counter.queries).toHaveLength(1);

    const quiet = await archive.versions('dev-999', { limit: 20 });
    expect(quiet.count).toBe(VERSIONS_EACH);
    expect(counter.queries).toHaveLength(2);
  });

  it('lists through the (device, revision) index, not a scan of the table', async () => {
    await archive.versions('dev-0', { limit: 20, offset: 40 });
    const [listing] = counter.queries;
    if (!listing) throw new Error('no query was issued');
    const compiled = fixture.db.getExecutor().compileQuery(listing, createQueryId());
    const explain = kind === 'sqlite' ? 'explain query plan ' : 'explain ';
    if (kind === 'postgres') await fixture.db.executeQuery(CompiledQuery.raw('analyze config_versions'));
    const plan = await fixture.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(explain + compiled.sql, [...compiled.parameters]));
    const text = plan.rows.map((row) => Object.values(row).join(' ')).join('\n');
    if (kind === 'sqlite') {
      expect(text).toMatch(/SEARCH config_versions USING INDEX config_versions_device_revision \(device_id=\?\)/);
    } else {
      expect(text).toMatch(/Index Scan(?: Backward)? using config_versions_device_revision/);
      expect(text).not.toMatch(/Seq Scan/);
    }
  });

  it('answers the fleet status page and the latest version without git', async () => {
    const page = await archive.devicesStatus({ limit: 50, offset: 100 });
    expect(page.count).toBe(DEVICES);
    expect(page.results[0]?.deviceName).toBe('sw-0100');
    expect(await archive.latest('dev-0')).toMatchObject({ revision: BUSY_DEVICE_VERSIONS });
    expect(await archive.content('dev-7', 'latest')).toMatchObject({ content: 'hostname sw-0007\n' });
  });
});
