import { NotFoundError, ValidationFailedError } from '@netkeep/core';
import { type LabPlatform, personaFor } from '@netkeep/device-lab';
import { rename } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArchiveFixture, DATABASE_KINDS, git, labConfigs, type ArchiveFixture } from '../../testing/archive.testkit';
import { NoiseRulesRepository } from '../noise/noise-rules.repository';
import type { StoreRequest } from './config-version';

const labConfig = labConfigs(personaFor);

const T0 = new Date('2026-03-10T12:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function request(overrides: Partial<StoreRequest> = {}): StoreRequest {
  return { deviceId: 'dev-1', deviceName: 'core-sw01', platform: 'cisco_ios', content: labConfig('cisco_ios'), trigger: 'schedule', runId: 'run-1', at: T0, ...overrides };
}

describe.each(DATABASE_KINDS)('ConfigArchive on %s', (kind) => {
  let fixture: ArchiveFixture;
  beforeEach(async () => {
    fixture = await createArchiveFixture(kind);
  });
  afterEach(() => fixture.destroy());
  const commits = () => Number(git(fixture.repositoryDir, 'rev-list', '--count', 'main').trim());

  it('commits once per change, and not for the same or a volatile-only configuration', async () => {
    const { archive } = fixture;
    const first = await archive.store(request());
    expect(first).toMatchObject({ changed: true, version: { revision: 1, deviceId: 'dev-1', platform: 'cisco_ios', trigger: 'schedule', runId: 'run-1' } });

    const same = await archive.store(request({ runId: 'run-2', at: minutes(10) }));
    expect(same).toEqual({ changed: false, version: first.version });

    // Hours later: the clock and the last-change lines moved, nothing else did.
    const volatileOnly = labConfig('cisco_ios', { changedAt: new Date('2026-03-10T13:00:00Z') }, minutes(200));
    expect(volatileOnly).not.toBe(request().content);
    expect(await archive.store(request({ content: volatileOnly, runId: 'run-3', at: minutes(20) }))).toEqual({ changed: false, version: first.version });
    expect(commits()).toBe(1);

    const port = /^interface (GigabitEthernet\S+)\n description/m.exec(request().content)?.[1] ?? '';
    const changedConfig = labConfig('cisco_ios', { descriptions: { [port]: 'TO CORE' } }, minutes(300));
    const second = await archive.store(request({ content: changedConfig, runId: 'run-4', at: minutes(30) }));
    expect(second).toMatchObject({ changed: true, version: { revision: 2, summary: `interface ${port}: description changed` } });
    expect(commits()).toBe(2);

    // Dropped lines never reach git; ignored ones are stored as they were in the committed version.
    const stored = git(fixture.repositoryDir, 'show', `main:${(await archive.devicesStatus()).results[0]?.filePath}`);
    expect(stored).not.toMatch(/ntp clock-period|^Building configuration|^Current configuration/m);
    expect(stored).toMatch(/^! Last configuration change at /m);
    expect(stored).toContain(' description TO CORE');
    expect((await archive.devicesStatus()).results[0]).toMatchObject({ revision: 2, changedAt: minutes(30).toISOString(), checkedAt: minutes(30).toISOString() });
  });

  it('answers a repeated store of the run that made the version with that version, as changed', async () => {
    const first = await fixture.archive.store(request({ runId: 'run-7' }));
    expect(await fixture.archive.store(request({ runId: 'run-7', at: minutes(1) }))).toEqual({ changed: true, version: first.version });
    expect(await fixture.archive.store(request({ runId: 'run-8', at: minutes(2) }))).toEqual({ changed: false, version: first.version });
    expect(commits()).toBe(1);
  });

  it('names the device, trigger and run in the message, and the operator as author', async () => {
    await fixture.archive.store(request());
    await fixture.archive.store(
      request({ content: `${request().content}\nip route 192.0.2.0 255.255.255.0 Null0\n`, trigger: 'syslog', runId: 'run-2', author: { name: 'alice', email: 'alice@example.net' }, at: minutes(5) }),
    );
    const log = git(
      fixture.repositoryDir,
      'log',
      '--format=%an|%ae|%cn|%ce|%at|%s|%(trailers:key=Run,valueonly,separator=)|%(trailers:key=Device-Id,valueonly,separator=)|%(trailers:key=Trigger,valueonly,separator=)',
    );
    expect(log.trim().split('\n')).toEqual([
      `alice|alice@example.net|netkeep|netkeep@localhost|${minutes(5).getTime() / 1000}|core-sw01: configuration changed (syslog)|run-2|dev-1|syslog`,
      `netkeep|netkeep@localhost|netkeep|netkeep@localhost|${T0.getTime() / 1000}|core-sw01: configuration changed (schedule)|run-1|dev-1|schedule`,
    ]);
    const [latest] = (await fixture.archive.versions('dev-1')).results;
    expect(latest).toMatchObject({ author: { name: 'alice', email: 'alice@example.net' }, trigger: 'syslog', runId: 'run-2', createdAt: minutes(5).toISOString() });
    expect(git(fixture.repositoryDir, 'fsck', '--strict', '--no-progress')).toBe('');
  });

  it('gives every device a safe file of its own, however it is named', async () => {
    const names = ['../../etc/passwd', 'con', 'site/a/r1', 'core switch 1', 'Zürich-rtr', 'ルーター', '.hidden', 'core/1', 'core 1', 'R1', 'r1', 'x'.repeat(300)];
    for (const [i, deviceName] of names.entries()) {
      await fixture.archive.store(request({ deviceId: `dev-${i}`, deviceName, content: `hostname ${i}\n`, at: minutes(i) }));
    }
    const files = git(fixture.repositoryDir, 'ls-tree', '--name-only', 'main', 'configs/').trim().split('\n');
    expect(files).toHaveLength(names.length);
    expect(new Set(files.map((file) => file.toLowerCase())).size).toBe(names.length);
    for (const file of files) {
      expect(file).toMatch(/^configs\/[A-Za-z0-9][A-Za-z0-9._-]*\.cfg$/);
      expect(file).not.toContain('..');
      expect(file.length).toBeLessThan(120);
    }
    expect(files).toContain('configs/R1.cfg');
    const status = (await fixture.archive.devicesStatus({ limit: 100 })).results;
    const fileOf = (deviceId: string) => status.find((device) => device.deviceId === deviceId)?.filePath;
    expect(fileOf('dev-10')).toMatch(/^configs\/r1-[0-9a-f]{8}\.cfg$/);
    expect(git(fixture.repositoryDir, 'show', `main:${fileOf('dev-0')}`)).toBe('hostname 0\n');
  });

  it('lists versions and statuses from the index without reading git', async () => {
    for (const n of [1, 2, 3]) await fixture.archive.store(request({ content: `hostname r${n}\n`, runId: `run-${n}`, at: minutes(n) }));
    await fixture.archive.store(request({ deviceId: 'dev-2', deviceName: 'edge-1', content: 'hostname edge\n', at: minutes(4) }));

    const elsewhere = `${fixture.repositoryDir}.moved`;
    await rename(fixture.repositoryDir, elsewhere);
    try {
      const reader = fixture.reopen();
      const firstPage = await reader.versions('dev-1', { limit: 2 });
      expect(firstPage.count).toBe(3);
      expect(firstPage.results.map((version) => [version.revision, version.runId])).toEqual([
        [3, 'run-3'],
        [2, 'run-2'],
      ]);
      expect((await reader.versions('dev-1', { limit: 2, offset: 2 })).results.map((version) => version.revision)).toEqual([1]);
      expect(await reader.versions('dev-1', { offset: 10 })).toEqual({ count: 3, results: [] });
      expect(await reader.versions('nobody')).toEqual({ count: 0, results: [] });
      expect((await reader.latest('dev-1'))?.revision).toBe(3);
      expect((await reader.devicesStatus()).results.map((device) => [device.deviceName, device.revision])).toEqual([
        ['core-sw01', 3],
        ['edge-1', 1],
      ]);
      expect((await reader.content('dev-1', 'latest')).content).toBe('hostname r3\n');
      expect((await reader.search('^hostname')).matches).toHaveLength(2);
      await expect(reader.content('dev-1', '1')).rejects.toThrow();
    } finally {
      await rename(elsewhere, fixture.repositoryDir);
    }
    expect((await fixture.archive.content('dev-1', '1')).content).toBe('hostname r1\n');
  });

  it.each([
    ['cisco_ios', 'ip route 192.0.2.0 255.255.255.0 Null0 name KNOB', /^global: ip route 192\.0\.2\.0 .* added$/],
    ['juniper_junos', 'routing-options { static { route 192.0.2.0/24 discard; } }', /^routing-options static: route 192\.0\.2\.0\/24 discard added$/],
    ['mikrotik_routeros', '/ip route add blackhole comment=KNOB dst-address=192.0.2.0/24', /^\/ip route: 1 line added$/],
    ['huawei_vrp', 'ip route-static 192.0.2.0 255.255.255.0 NULL0 description KNOB', /^global: ip route-static 192\.0\.2\.0 .* added$/],
  ] as const)('serves any version of a %s device and the diff between any two', async (platform: LabPlatform, addedLine, addedSummary) => {
    const { archive } = fixture;
    const base = labConfig(platform);
    const port = /(?:^interface (GigabitEthernet\S+)\n(?: undo shutdown\n)? description|^ {4}(\S+) \{\n {8}description|default-name=(sfp-sfpplus\d+) \] comment=)/m.exec(base);
    const portName = port?.[1] ?? port?.[2] ?? port?.[3] ?? '';
    const v1 = (await archive.store(request({ platform, content: base, runId: 'r1' }))).version;
    const v2 = (await archive.store(request({ platform, content: labConfig(platform, { descriptions: { [portName]: 'TO CORE' } }), runId: 'r2', at: minutes(1) }))).version;
    const v3Text = labConfig(platform, { descriptions: { [portName]: 'TO CORE' }, addedLines: [addedLine] });
    const v3 = (await archive.store(request({ platform, content: v3Text, runId: 'r3', at: minutes(2) }))).version;
    expect([v1.revision, v2.revision, v3.revision]).toEqual([1, 2, 3]);
    expect(v3.summary).toMatch(addedSummary);

    // Any reference: id, commit, revision number, latest.
    const v1Text = (await archive.content('dev-1', v1.id)).content;
    expect((await archive.content('dev-1', v1.commit)).content).toBe(v1Text);
    expect((await archive.content('dev-1', '1')).content).toBe(v1Text);
    expect((await archive.content('dev-1', 'latest')).version.id).toBe(v3.id);
    expect((await archive.content('dev-1', v2.id)).content).toContain('TO CORE');

    const unified = await archive.diff('dev-1', v1.id, v3.id, { format: 'unified' });
    expect(unified.patch.split('\n').slice(0, 2)).toEqual([`--- a/core-sw01\t${v1.commit.slice(0, 12)} ${v1.createdAt}`, `+++ b/core-sw01\t${v3.commit.slice(0, 12)} ${v3.createdAt}`]);
    expect(unified.patch).toMatch(/^\+.*TO CORE/m);
    expect(unified.linesAdded).toBeGreaterThanOrEqual(2);
    const backwards = await archive.diff('dev-1', v3.id, v1.id, { format: 'unified' });
    expect(backwards).toMatchObject({ linesAdded: unified.linesRemoved, linesRemoved: unified.linesAdded });

    const sections = await archive.diff('dev-1', '1', '3', { format: 'sections' });
    const summaries = sections.sections.map((change) => change.summary);
    expect(summaries).toEqual(expect.arrayContaining([expect.stringMatching(addedSummary), expect.stringMatching(/(?:description|comment) changed$/)]));
    expect(summaries).toHaveLength(2);
    expect((await archive.diff('dev-1', '2', '2', { format: 'sections' })).sections).toEqual([]);
    await expect(archive.diff('dev-1', '1', '9', { format: 'unified' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(archive.content('dev-2', v1.id)).rejects.toThrow(/device dev-2 has no version/);
  });

  it('removes a device in a commit, keeps its versions, and takes it back at the next store', async () => {
    await fixture.archive.store(request({ content: 'hostname a\n' }));
    const [file] = git(fixture.repositoryDir, 'ls-tree', '--name-only', 'main', 'configs/').trim().split('\n');
    const { commit } = await fixture.archive.remove('dev-1', { trigger: 'inventory', at: minutes(1) });
    expect(git(fixture.repositoryDir, 'log', '-1', '--format=%H %s', 'main').trim()).toBe(`${commit} core-sw01: configuration removed (inventory)`);
    expect(git(fixture.repositoryDir, 'ls-tree', '--name-only', 'main', 'configs/').trim()).toBe('');
    expect((await fixture.archive.versions('dev-1')).count).toBe(1);
    expect((await fixture.archive.devicesStatus()).results[0]?.removedAt).toBe(minutes(1).toISOString());
    expect((await fixture.archive.search('hostname')).matches).toEqual([]);
    await expect(fixture.archive.remove('dev-1')).rejects.toBeInstanceOf(NotFoundError);

    const again = await fixture.archive.store(request({ content: 'hostname a\n', at: minutes(2) }));
    expect(again).toMatchObject({ changed: true, version: { revision: 2 } });
    expect(git(fixture.repositoryDir, 'ls-tree', '--name-only', 'main', 'configs/').trim()).toBe(file);
  });

  it('serialises concurrent stores into one linear history with every change exactly once', async () => {
    const devices = Array.from({ length: 20 }, (_, i) => ({ deviceId: `dev-${i}`, deviceName: `sw-${i}` }));
    const contents = (i: number) => [`hostname sw-${i}\nvlan 10\n`, `hostname sw-${i}\nvlan 10\nvlan 20\n`, `hostname sw-${i}\nvlan 30\n`];
    // Per device: v1, v1 again, v2, v3, v3 again; devices interleaved, all at once.
    const calls = [0, 0, 1, 2, 2].flatMap((step, round) =>
      devices.map((device, i) => fixture.archive.store(request({ ...device, content: contents(i)[step] as string, runId: `run-${round}`, at: minutes(round) }))),
    );
    const results = await Promise.all(calls);
    expect(results.filter((result) => result.changed)).toHaveLength(60);

    expect(commits()).toBe(60);
    expect(git(fixture.repositoryDir, 'rev-list', '--min-parents=2', 'main').trim()).toBe('');
    const filesPerCommit = git(fixture.repositoryDir, 'log', '--format=%x00', '--name-only', 'main').split('\0').slice(1).map((block) => block.trim().split('\n').filter(Boolean).length);
    expect(filesPerCommit.every((count) => count === 1)).toBe(true);
    const versionIds = git(fixture.repositoryDir, 'log', '--format=%(trailers:key=Version-Id,valueonly,separator=)', 'main').trim().split('\n');
    expect(new Set(versionIds).size).toBe(60);
    for (const [i, device] of devices.entries()) {
      const { count, results: versions } = await fixture.archive.versions(device.deviceId);
      expect(count).toBe(3);
      expect(versions.every((version) => versionIds.includes(version.id))).toBe(true);
      expect((await fixture.archive.content(device.deviceId, 'latest')).content).toBe(contents(i)[2]);
      expect((await fixture.archive.content(device.deviceId, '2')).content).toBe(contents(i)[1]);
    }
    expect(git(fixture.repositoryDir, 'fsck', '--strict', '--no-progress')).toBe('');
  });

  it('searches the latest configurations with line numbers, a limit and a device filter', async () => {
    await fixture.archive.store(request({ deviceId: 'a', deviceName: 'alpha', content: 'hostname alpha\nsnmp-server community ro RO\n' }));
    await fixture.archive.store(request({ deviceId: 'b', deviceName: 'bravo', content: 'hostname bravo\nsnmp-server community ro RO\n' }));
    await fixture.archive.store(request({ deviceId: 'b', deviceName: 'bravo', content: 'hostname bravo\n', at: minutes(1) }));
    await fixture.archive.store(request({ deviceId: 'c', deviceName: 'charlie', content: 'hostname charlie\nsnmp-server community rw RW\n' }));

    expect((await fixture.archive.search('^snmp-server community (\\w+)')).matches).toEqual([
      { deviceId: 'a', deviceName: 'alpha', lineNumber: 2, line: 'snmp-server community ro RO' },
      { deviceId: 'c', deviceName: 'charlie', lineNumber: 2, line: 'snmp-server community rw RW' },
    ]);
    expect((await fixture.archive.search('^hostname', { deviceIds: ['b', 'c'] })).matches.map((match) => match.deviceId)).toEqual(['b', 'c']);
    expect(await fixture.archive.search('^hostname', { limit: 1 })).toMatchObject({ truncated: true, matches: [{ deviceId: 'a' }] });
    await expect(fixture.archive.search('(')).rejects.toBeInstanceOf(ValidationFailedError);

    await fixture.archive.store(request({ deviceId: 'd', deviceName: 'delta', content: `hostname delta\n${'a'.repeat(40)}b\n` }));
    await expect(fixture.archive.search('(a+)+$', { timeoutMs: 300 })).rejects.toThrow('search took longer than 0.3s; narrow the pattern');
  });

  it("applies the operator's noise rules from the database: drop before storage, ignore when comparing", async () => {
    const rules = new NoiseRulesRepository(fixture.db);
    await rules.create({ platform: 'ios', pattern: '^! temperature ', action: 'drop', description: 'sensor reading' });
    await rules.create({ platform: null, pattern: '^! backup-run ', action: 'ignore' });
    const text = (temperature: number, run: number) => `hostname r1\n! temperature ${temperature}C\n! backup-run ${run}\nend\n`;

    const first = await fixture.archive.store(request({ content: text(40, 1) }));
    expect((await fixture.archive.content('dev-1', first.version.id)).content).toBe('hostname r1\n! backup-run 1\nend\n');
    expect((await fixture.archive.store(request({ content: text(41, 2), runId: 'run-2', at: minutes(1) }))).changed).toBe(false);
    expect(commits()).toBe(1);
    expect((await rules.list()).map((rule) => `${rule.platform}/${rule.action}`).sort()).toEqual(['cisco_ios/drop', 'null/ignore']);
    await expect(rules.create({ pattern: '(x+)+y', action: 'drop' })).rejects.toBeInstanceOf(ValidationFailedError);

    const [dropRule] = await rules.list();
    await rules.delete(dropRule?.id as string);
    await expect(rules.delete(dropRule?.id as string)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects a request it cannot archive and changes nothing', async () => {
    await expect(fixture.archive.store(request({ content: '  \n' }))).rejects.toThrow(/content is empty/);
    await expect(fixture.archive.store(request({ deviceId: '' }))).rejects.toBeInstanceOf(ValidationFailedError);
    expect(await fixture.archive.versions('dev-1')).toEqual({ count: 0, results: [] });
  });
});
