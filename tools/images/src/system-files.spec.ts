import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stageSystemFiles } from './system-files';

describe('stageSystemFiles', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-system-files-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('declares the nonroot user 65532 with no login shell', async () => {
    const { rootDir } = await stageSystemFiles(dir);
    const passwd = await readFile(join(rootDir, 'etc', 'passwd'), 'utf8');
    expect(passwd).toContain('nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n');
    expect(passwd).not.toMatch(/\/bin\/(ba)?sh/);
    expect(await readFile(join(rootDir, 'etc', 'group'), 'utf8')).toContain('nonroot:x:65532:\n');
  });

  it('stages the home and data directories for the user to own, private to it, and a world-writable /tmp', async () => {
    const { rootDir, ownedDirectories } = await stageSystemFiles(dir);
    expect(ownedDirectories.map((owned) => owned.destination)).toEqual(['/home', '/var/lib']);
    expect((await stat(join(ownedDirectories[1].source, 'netkeep'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(rootDir, 'tmp'))).mode & 0o7777).toBe(0o1777);
  });
});
