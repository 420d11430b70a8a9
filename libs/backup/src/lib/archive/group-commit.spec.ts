import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArchiveFixture, DATABASE_KINDS, git, type ArchiveFixture } from '../../testing/archive.testkit';
import { LoseNextIndexWrite } from '../../testing/index-faults.testkit';
import { ArchiveBranchLockedError } from './archive.errors';
import type { ConfigArchive } from './config-archive';
import type { RemoveRequest, StoreRequest, StoreResult } from './config-version';

const T0 = new Date('2026-03-10T12:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const config = (name: string, ...lines: string[]) => [`hostname ${name}`, 'interface Gi0/1', ' description uplink', ...lines, ''].join('\n');

function store(deviceId: string, content: string, overrides: Partial<StoreRequest> = {}): StoreRequest {
  return { deviceId, deviceName: `sw-${deviceId}`, platform: 'cisco_ios', content, trigger: 'schedule', runId: 'run-1', at: T0, ...overrides };
}

type Write = { store: StoreRequest } | { remove: string; request: RemoveRequest };

/** What a write came to, without the ids and commits that differ from one repository to another. */
async function outcomeOf(archive: ConfigArchive, write: Write): Promise<unknown> {
  try {
    if ('remove' in write) return { removed: typeof (await archive.remove(write.remove, write.request)).commit };
    const { changed, version } = await archive.store(write.store);
    const { id: _id, commit: _commit, ...facts } = version;
    return { changed, ...facts };
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

describe.each(DATABASE_KINDS)('group commit in the archive, on %s', (kind) => {
  let fixture: ArchiveFixture;
  /** The commits each move of the branch published. */
  let moves: string[][];
  beforeEach(async () => {
    moves = [];
    fixture = await createArchiveFixture(kind, { onBranchMoved: (commits) => moves.push([...commits]) });
  });
  afterEach(() => fixture.destroy());
  const log = (format: string) => git(fixture.repositoryDir, 'log', '--reverse', `--format=${format}`, 'main').trim().split('\n');
  const history = () => log('%H');

  it('commits stores that arrive together in one batch: a commit per changed device in call order, one branch move, none for an unchanged configuration', async () => {
    const { archive } = fixture;
    await Promise.all(['a', 'b', 'c'].map((id) => archive.store(store(id, config(id)))));
    expect(moves.map((move) => move.length)).toEqual([3]);

    const devices = Array.from({ length: 40 }, (_, i) => `d${String(i).padStart(2, '0')}`);
    const results = await Promise.all([
      ...devices.map((id, i) => archive.store(store(id, config(id), { runId: 'run-2', at: minutes(i) }))),
      archive.store(store('a', config('a'), { runId: 'run-2' })),
      archive.store(store('b', config('b', 'ntp server 10.0.0.1'), { runId: 'run-2', at: minutes(50) })),
    ]);

    expect(moves.map((move) => move.length)).toEqual([3, 41]);
    expect(results.map((result) => result.changed)).toEqual([...devices.map(() => true), false, true]);
    expect(git(fixture.repositoryDir, 'rev-list', '--min-parents=2', 'main').trim()).toBe('');
    expect(history()).toEqual(moves.flat());
    expect(git(fixture.repositoryDir, 'rev-parse', 'main').trim()).toBe(moves[1]?.at(-1));
    // One file per commit, each named in its message, in the order the stores were called.
    expect(log('%s').slice(3)).toEqual([...devices.map((id) => `sw-${id}: configuration changed (schedule)`), 'sw-b: configuration changed (schedule)']);
    const filesPerCommit = git(fixture.repositoryDir, 'log', '--format=%x00', '--name-only', 'main').split('\0').slice(1);
    expect(filesPerCommit.map((block) => block.trim().split('\n').length)).toEqual(history().map(() => 1));
    expect(results.slice(0, 40).map((result) => result.version.commit)).toEqual(moves[1]?.slice(0, 40));
    expect(log('%(trailers:key=Version-Id,valueonly,separator=)').slice(3)).toEqual(results.filter((result) => result.changed).map((result) => result.version.id));
    expect(results[40]?.version).toEqual((await archive.versions('a')).results[0]);
    expect((await archive.versions('b')).results.map((version) => [version.revision, version.runId, version.summary])).toEqual([
      [2, 'run-2', 'global: ntp server 10.0.0.1 added'],
      [1, 'run-1', expect.stringMatching(/^first version/)],
    ]);
    expect((await archive.devicesStatus({ limit: 100 })).count).toBe(43);
    expect(git(fixture.repositoryDir, 'fsck', '--strict', '--no-progress')).toBe('');
  });

  it('makes the writes that arrive while a batch is being written the next batch', async () => {
    let entered!: () => void;
    let release!: () => void;
    const firstBatchEntered = new Promise<void>((resolve) => (entered = resolve));
    const firstBatchReleased = new Promise<void>((resolve) => (release = resolve));
    let batches = 0;
    // Operator rules are read once per batch: the first batch waits there until released.
    const archive = fixture.reopen({
      onBranchMoved: (commits) => moves.push([...commits]),
      noiseRules: async () => {
        if (batches++ === 0) {
          entered();
          await firstBatchReleased;
        }
        return [];
      },
    });
    const first = archive.store(store('first', config('first')));
    await firstBatchEntered;
    const later = ['x', 'y', 'z'].map((id, i) => archive.store(store(id, config(id), { at: minutes(i + 1) })));
    release();
    await Promise.all([first, ...later]);

    expect(moves.map((move) => move.length)).toEqual([1, 3]);
    expect(log('%s')).toEqual(['sw-first', 'sw-x', 'sw-y', 'sw-z'].map((name) => `${name}: configuration changed (schedule)`));
    expect(history()).toEqual(moves.flat());
  });

  it('gives the writes of one batch the results they would have one after another', async () => {
    const writes: Write[] = [
      { store: store('r1', config('r1'), { deviceName: 'R1' }) },
      { store: store('r1-twin', config('r1-twin'), { deviceName: 'r1' }) },
      { store: store('r1', config('r1'), { deviceName: 'R1', runId: 'run-2', at: minutes(1) }) },
      { store: store('r1', config('r1', 'vlan 20'), { deviceName: 'R1', runId: 'run-3', at: minutes(2) }) },
      { store: store('r1', config('r1', 'vlan 20'), { deviceName: 'R1', runId: 'run-3', at: minutes(3) }) },
      { remove: 'r1', request: { trigger: 'inventory', at: minutes(4) } },
      { remove: 'r1', request: { at: minutes(5) } },
      { remove: 'never-stored', request: {} },
      { store: store('r1', config('r1', 'vlan 20'), { deviceName: 'R1', runId: 'run-4', at: minutes(6) }) },
      { store: store('edge', config('edge'), { deviceName: 'edge', platform: 'juniper_junos', at: minutes(7) }) },
      { store: store('edge', config('edge', 'set system ntp server 10.0.0.1'), { deviceName: 'edge-renamed', runId: 'run-5', at: minutes(8) }) },
    ];
    const sequential = await createArchiveFixture(kind);
    try {
      const oneByOne: unknown[] = [];
      for (const write of writes) oneByOne.push(await outcomeOf(sequential.archive, write));
      const together = await Promise.all(writes.map((write) => outcomeOf(fixture.archive, write)));

      expect(moves).toHaveLength(1);
      expect(together).toEqual(oneByOne);
      expect(together.filter((outcome) => 'failed' in (outcome as object))).toEqual([
        { failed: 'device r1 has no configuration in the archive' },
        { failed: 'device never-stored has no configuration in the archive' },
      ]);
      const described = (dir: string) =>
        git(dir, 'log', '--reverse', '--name-status', '--format=%an %at %s%n%(trailers:key=Run,key=Device-Id,key=Device,key=Platform,key=Trigger)', 'main').trim();
      expect(described(fixture.repositoryDir)).toBe(described(sequential.repositoryDir));
      expect(git(fixture.repositoryDir, 'rev-parse', 'main^{tree}')).toBe(git(sequential.repositoryDir, 'rev-parse', 'main^{tree}'));
      const statuses = async (archive: ConfigArchive) =>
        (await archive.devicesStatus()).results.map(({ latestVersionId: _id, commit: _commit, ...device }) => device);
      expect(await statuses(fixture.archive)).toEqual(await statuses(sequential.archive));
    } finally {
      await sequential.destroy();
    }
  });

  it('loses nothing when it stops after writing a batch’s objects and before moving the branch: the retried stores commit each change once', async () => {
    const lock = join(fixture.repositoryDir, 'refs/heads/main.lock');
    await fixture.archive.store(store('seed', config('seed')));
    const seeded = git(fixture.repositoryDir, 'rev-parse', 'main').trim();
    const packsBefore = await packs(fixture.repositoryDir);
    // The branch is locked as a crashed git would leave it: the batch writes its objects, then cannot move the branch.
    await writeFile(lock, '');
    const devices = ['p', 'q', 'r', 's'];
    const requests = devices.map((id, i) => store(id, config(id), { runId: 'run-2', at: minutes(i) }));
    const refused = await Promise.allSettled(requests.map((request) => fixture.archive.store(request)));

    expect(refused.map((result) => result.status === 'rejected' && result.reason)).toEqual(devices.map(() => expect.any(ArchiveBranchLockedError)));
    // The batch's objects are on disk, as one more pack (a blob, two trees and a commit a device), none loose; the branch did not move.
    const written = (await packs(fixture.repositoryDir)).filter((pack) => !packsBefore.includes(pack));
    expect(written).toHaveLength(1);
    expect(objectsIn(fixture.repositoryDir, written[0] as string)).toBe(4 * devices.length);
    expect(git(fixture.repositoryDir, 'count-objects', '-v')).toMatch(/^count: 0$/m);
    expect(git(fixture.repositoryDir, 'rev-parse', 'main').trim()).toBe(seeded);
    for (const id of devices) expect(await fixture.archive.versions(id)).toEqual({ count: 0, results: [] });

    // The consumer retries its jobs, here in a restarted process.
    await rm(lock);
    const restarted = fixture.reopen({ onBranchMoved: (commits) => moves.push([...commits]) });
    const retried = await Promise.all(requests.map((request) => restarted.store(request)));
    expect(retried.every((result) => result.changed && result.version.revision === 1)).toBe(true);
    expect(moves.map((move) => move.length)).toEqual([1, 4]);
    expect(history()).toEqual(moves.flat());
    expect(log('%(trailers:key=Device-Id,valueonly,separator=)')).toEqual(['seed', ...devices]);
    expect(git(fixture.repositoryDir, 'fsck', '--full', '--strict', '--no-progress', '--no-dangling')).toBe('');
    // The retry wrote only what the lost batch had not: new commits; the blobs and trees were there already.
    const retriedPack = (await packs(fixture.repositoryDir)).filter((pack) => !packsBefore.includes(pack) && !written.includes(pack));
    expect(retriedPack).toHaveLength(1);
    expect(objectsIn(fixture.repositoryDir, retriedPack[0] as string)).toBe(devices.length);
  });

  it('writes each batch as one pack and merges the packs once there are many, while the history stays readable', async () => {
    const { archive } = fixture;
    for (let i = 0; i < 40; i++) await Promise.all(['x', 'y'].map((id) => archive.store(store(id, config(id, `vlan ${i}`), { runId: `run-${i}`, at: minutes(i) }))));
    await archive.flush();

    expect(moves).toHaveLength(40);
    expect((await packs(fixture.repositoryDir)).length).toBeLessThanOrEqual(17);
    expect(git(fixture.repositoryDir, 'count-objects', '-v')).toMatch(/^count: 0$/m);
    expect(git(fixture.repositoryDir, 'count-objects', '-v')).toMatch(/^in-pack: 320$/m);
    expect(git(fixture.repositoryDir, 'fsck', '--full', '--strict', '--no-progress')).toBe('');
    const versions = (await archive.versions('x', { limit: 100 })).results;
    expect(versions).toHaveLength(40);
    for (const version of versions.slice(1)) expect((await archive.content('x', version.id)).content).toBe(config('x', `vlan ${version.revision - 1}`));
  });

  it('indexes a whole batch from git when its index write is lost, and answers the retried stores with its versions', async () => {
    const faults = new LoseNextIndexWrite();
    const archive = fixture.reopen({ db: fixture.db.withPlugin(faults), onBranchMoved: (commits) => moves.push([...commits]) });
    await archive.store(store('seed', config('seed')));
    faults.arm();
    const devices = ['k', 'l', 'm'];
    const requests = [...devices.map((id, i) => store(id, config(id), { runId: 'run-2', at: minutes(i) })), store('seed', config('seed', 'vlan 30'), { runId: 'run-2', at: minutes(5) })];
    const lost = await Promise.allSettled(requests.map((request) => archive.store(request)));
    expect(lost.map((result) => result.status === 'rejected' && (result.reason as Error).message)).toEqual(requests.map(() => 'connection to the database lost'));
    const batch = moves[1] as string[];
    expect(batch).toHaveLength(4);
    expect(git(fixture.repositoryDir, 'rev-parse', 'main').trim()).toBe(batch.at(-1));

    const report = await fixture.reopen().open();
    expect(report).toEqual({ head: batch.at(-1), indexed: batch, skipped: [], diverged: false });
    const versionIds = log('%(trailers:key=Version-Id,valueonly,separator=)').slice(1);
    const retried: StoreResult[] = await Promise.all(requests.map((request) => archive.store({ ...request, at: minutes(9) })));
    expect(retried.map((result) => [result.changed, result.version.id, result.version.commit])).toEqual(batch.map((commit, i) => [true, versionIds[i], commit]));
    expect(retried.map((result) => result.version.revision)).toEqual([1, 1, 1, 2]);
    expect(moves).toHaveLength(2);
    expect(history()).toHaveLength(5);
  });
});

/** How many objects a pack holds, whole or as deltas. */
function objectsIn(repositoryDir: string, packIndex: string): number {
  return git(repositoryDir, 'verify-pack', '-v', packIndex)
    .split('\n')
    .filter((line) => /^[0-9a-f]{40} /.test(line)).length;
}

/** The pack indexes of a repository, as paths. */
async function packs(repositoryDir: string): Promise<string[]> {
  const packDir = join(repositoryDir, 'objects/pack');
  return (await readdir(packDir)).filter((name) => name.endsWith('.idx')).map((name) => join(packDir, name));
}
