import { createTestDatabase, runMigrations, type TestDatabase } from '@netkeep/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitWithGit, createArchiveFixture, DATABASE_KINDS, git, type ArchiveFixture } from '../../testing/archive.testkit';
import { LoseNextIndexWrite } from '../../testing/index-faults.testkit';
import { backupMigrations } from '../backup.migrations';
import { ConfigArchive } from './config-archive';
import type { StoreRequest } from './config-version';

const T0 = new Date('2026-03-10T12:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const request = (overrides: Partial<StoreRequest> = {}): StoreRequest => ({
  deviceId: 'dev-1',
  deviceName: 'core-sw01',
  platform: 'cisco_ios',
  content: 'hostname core-sw01\ninterface Gi0/1\n description a\n',
  trigger: 'schedule',
  runId: 'run-1',
  at: T0,
  ...overrides,
});
const V2 = 'hostname core-sw01\ninterface Gi0/1\n description b\n';

describe.each(DATABASE_KINDS)('crash between commit and index, on %s', (kind) => {
  let fixture: ArchiveFixture;
  let faults: LoseNextIndexWrite;
  let archive: ConfigArchive;
  beforeEach(async () => {
    fixture = await createArchiveFixture(kind);
    faults = new LoseNextIndexWrite();
    archive = fixture.reopen({ db: fixture.db.withPlugin(faults) });
  });
  afterEach(() => fixture.destroy());
  const head = () => git(fixture.repositoryDir, 'rev-parse', 'main').trim();
  const commits = () => Number(git(fixture.repositoryDir, 'rev-list', '--count', 'main').trim());
  const trailer = (key: string) => git(fixture.repositoryDir, 'log', '-1', `--format=%(trailers:key=${key},valueonly,separator=)`, 'main').trim();

  /** v1 stored; v2 committed to git, its index write lost. */
  async function crashAfterCommit(): Promise<string> {
    await archive.store(request());
    faults.arm();
    await expect(archive.store(request({ content: V2, runId: 'run-2', at: minutes(5) }))).rejects.toThrow('connection to the database lost');
    expect(commits()).toBe(2);
    expect((await archive.versions('dev-1')).count).toBe(1);
    return head();
  }

  it('indexes the lost commit at the next store; the retried job gets the version, not a second commit', async () => {
    const lost = await crashAfterCommit();
    const retry = await archive.store(request({ content: V2, runId: 'run-2', at: minutes(6) }));
    expect(retry).toMatchObject({ changed: true, version: { commit: lost, revision: 2, runId: 'run-2', id: trailer('Version-Id'), createdAt: minutes(5).toISOString() } });
    expect(commits()).toBe(2);
    expect((await archive.versions('dev-1')).results.map((version) => version.commit)).toEqual([lost, expect.any(String)]);
    expect((await archive.content('dev-1', 'latest')).content).toBe(V2);
  });

  it('indexes the lost commit when a restarted archive opens, then carries on from it', async () => {
    const lost = await crashAfterCommit();
    const restarted = fixture.reopen();
    const report = await restarted.open();
    expect(report).toEqual({ head: lost, indexed: [lost], skipped: [], diverged: false });
    expect((await restarted.latest('dev-1'))).toMatchObject({ commit: lost, revision: 2, trigger: 'schedule', summary: 'interface Gi0/1: description changed' });
    expect(await restarted.open()).toEqual({ head: lost, indexed: [], skipped: [], diverged: false });

    const third = await restarted.store(request({ content: `${V2}ntp server 10.0.0.1\n`, runId: 'run-3', at: minutes(10) }));
    expect(third.version.revision).toBe(3);
    expect(git(fixture.repositoryDir, 'rev-parse', 'main~1').trim()).toBe(lost);
  });

  it('indexes commits another writer made: by trailer, by file, and says what it could not place', async () => {
    await archive.store(request());
    const file = (await archive.devicesStatus()).results[0]?.filePath as string;
    const fromTrailers = commitWithGit(fixture.repositoryDir, {
      path: file,
      content: V2,
      message: 'core-sw01: configuration changed (manual)\n\nRun: run-9\nDevice-Id: dev-1\nDevice: core-sw01\nPlatform: cisco_ios\nTrigger: manual\n',
      author: 'bob <bob@example.net>',
      at: minutes(1),
    });
    const byOperator = commitWithGit(fixture.repositoryDir, { path: file, content: `${V2}ntp server 10.0.0.1\n`, message: 'add ntp by hand\n', at: minutes(2) });
    const stray = commitWithGit(fixture.repositoryDir, { path: 'configs/stray.cfg', content: 'hostname stray\n', message: 'stray file\n', at: minutes(3) });

    const report = await fixture.reopen().open();
    expect(report).toEqual({
      head: stray,
      indexed: [fromTrailers, byOperator, stray],
      skipped: [{ commit: stray, path: 'configs/stray.cfg', reason: 'no Device-Id trailer and no archived device owns the file' }],
      diverged: false,
    });
    const versions = (await archive.versions('dev-1')).results;
    expect(versions.map((version) => [version.revision, version.trigger, version.runId, version.author.name])).toEqual([
      [3, 'external', null, 'operator'],
      [2, 'manual', 'run-9', 'bob'],
      [1, 'schedule', 'run-1', 'netkeep'],
    ]);
    expect(versions[0]?.summary).toBe('global: ntp server 10.0.0.1 added');
    expect((await archive.search('^ntp server')).matches).toEqual([{ deviceId: 'dev-1', deviceName: 'core-sw01', lineNumber: 4, line: 'ntp server 10.0.0.1' }]);
  });

  it('records a removal made outside the archive', async () => {
    await archive.store(request());
    const file = (await archive.devicesStatus()).results[0]?.filePath as string;
    commitWithGit(fixture.repositoryDir, { path: file, content: null, message: 'core-sw01: configuration removed (manual)\n\nDevice-Id: dev-1\n', at: minutes(1) });
    await archive.store(request({ deviceId: 'dev-2', deviceName: 'edge', content: 'hostname edge\n', at: minutes(2) }));
    expect((await archive.devicesStatus()).results.map((device) => [device.deviceId, device.removedAt])).toEqual([
      ['dev-1', minutes(1).toISOString()],
      ['dev-2', null],
    ]);
  });

  describe('with an empty database', () => {
    let fresh: TestDatabase;
    beforeEach(async () => {
      fresh = await createTestDatabase(kind);
      await runMigrations(fresh.db, [backupMigrations]);
    });
    afterEach(() => fresh.destroy());

    it('rebuilds the whole index from the repository', async () => {
      await archive.store(request());
      await archive.store(request({ content: V2, runId: 'run-2', author: { name: 'alice' }, at: minutes(1) }));
      await archive.store(request({ deviceId: 'dev-2', deviceName: 'edge', content: 'hostname edge\n', at: minutes(2) }));
      await archive.remove('dev-2', { at: minutes(3) });

      const rebuilt = new ConfigArchive({ repositoryDir: fixture.repositoryDir, db: fresh.db });
      const report = await rebuilt.open();
      expect(report.indexed).toHaveLength(4);
      expect(report.diverged).toBe(false);
      expect(await rebuilt.versions('dev-1')).toEqual(await archive.versions('dev-1'));
      expect(await rebuilt.versions('dev-2')).toEqual(await archive.versions('dev-2'));
      const withoutFreshness = ({ checkedAt: _checkedAt, ...device }: { checkedAt: string }) => device;
      expect((await rebuilt.devicesStatus()).results.map(withoutFreshness)).toEqual((await archive.devicesStatus()).results.map(withoutFreshness));
    });
  });
});
