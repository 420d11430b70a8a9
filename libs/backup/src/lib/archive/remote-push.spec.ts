import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createArchiveFixture, git, type ArchiveFixture } from '../../testing/archive.testkit';
import { startGitHttpServer, type GitHttpServer } from '../../testing/git-http-server.testkit';
import type { PushOutcome } from './remote-push';

const TOKEN = 'tok-3f9a1c';
const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 12, minute));
const historyOf = (gitDir: string) => execFileSync('git', ['--git-dir', gitDir, 'log', '--format=%H %T %an %s', 'main'], { encoding: 'utf8' });

describe('pushing the archive to a remote over smart HTTP', () => {
  let server: GitHttpServer;
  let fixture: ArchiveFixture | undefined;
  beforeAll(async () => {
    server = await startGitHttpServer({ username: 'netkeep', token: TOKEN });
  });
  afterAll(() => server.close());
  afterEach(() => fixture?.destroy());

  it('pushes each batch of commits after they are made; the remote history equals the local one', async () => {
    const remote = server.createRepository('mirror');
    const outcomes: PushOutcome[] = [];
    fixture = await createArchiveFixture('sqlite', {
      // A window longer than the test: flush() closes it, so the three commits are one batch.
      remote: { url: server.url('mirror'), username: 'netkeep', token: TOKEN, batchDelayMs: 60_000 },
      onPush: (outcome) => outcomes.push(outcome),
    });
    const { archive } = fixture;
    await Promise.all(
      ['r1', 'r2', 'r3'].map((name, i) => archive.store({ deviceId: name, deviceName: name, platform: 'cisco_ios', content: `hostname ${name}\n`, trigger: 'schedule', at: at(i) })),
    );
    await archive.flush();
    expect(outcomes).toEqual([{ ok: true, url: server.url('mirror'), commit: git(fixture.repositoryDir, 'rev-parse', 'main').trim(), at: expect.any(String) }]);
    expect(historyOf(remote)).toBe(historyOf(fixture.repositoryDir));

    await archive.store({ deviceId: 'r1', deviceName: 'r1', platform: 'cisco_ios', content: 'hostname r1\nntp server 10.0.0.1\n', trigger: 'syslog', at: at(5) });
    await archive.flush();
    expect(outcomes).toHaveLength(2);
    expect(historyOf(remote)).toBe(historyOf(fixture.repositoryDir));
    expect(execFileSync('git', ['--git-dir', remote, 'fsck', '--strict', '--no-progress'], { encoding: 'utf8' })).toBe('');
    expect(archive.lastPush).toMatchObject({ ok: true });
  });

  it('reports a failed push without losing the local commit, and catches up later', async () => {
    const remote = server.createRepository('locked');
    const outcomes: PushOutcome[] = [];
    fixture = await createArchiveFixture('sqlite', {
      remote: { url: server.url('locked'), username: 'netkeep', token: 'wrong-token', batchDelayMs: 10 },
      onPush: (outcome) => outcomes.push(outcome),
    });
    const stored = await fixture.archive.store({ deviceId: 'r1', deviceName: 'r1', platform: 'cisco_ios', content: 'hostname r1\n', trigger: 'manual', at: at(0) });
    // No flush: the push follows the commit on its own.
    await vi.waitFor(() => expect(outcomes).toHaveLength(1), { timeout: 5_000 });
    expect(stored.changed).toBe(true);
    expect(outcomes).toEqual([{ ok: false, url: server.url('locked'), commit: stored.version.commit, at: expect.any(String), error: expect.stringMatching(/401/) }]);
    expect(outcomes[0]?.error).not.toContain('wrong-token');
    expect(git(fixture.repositoryDir, 'rev-parse', 'main').trim()).toBe(stored.version.commit);
    expect((await fixture.archive.versions('r1')).count).toBe(1);

    const fixed = await fixture.archive.pushTo({ url: server.url('locked'), username: 'netkeep', token: TOKEN });
    expect(fixed).toMatchObject({ ok: true, commit: stored.version.commit });
    expect(historyOf(remote)).toBe(historyOf(fixture.repositoryDir));
  });
});
