import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobObject } from './git-objects';
import { ObjectWriters } from './object-writers';

describe('the object writer threads', () => {
  let dir: string;
  let writers: ObjectWriters;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-writers-'));
    execFileSync('git', ['init', '--quiet', '--bare', dir]);
    writers = new ObjectWriters(3);
  });
  afterEach(async () => {
    await writers.close();
    await rm(dir, { recursive: true, force: true });
  });
  const fileOf = (oid: string) => join(dir, 'objects', oid.slice(0, 2), oid.slice(2));

  it('writes loose objects git reads back, spread over its threads, and leaves no temporary file', async () => {
    const blobs = Array.from({ length: 40 }, (_, i) => blobObject(`hostname r${i}\n`));
    await Promise.all([...new Set(blobs.map((blob) => blob.oid.slice(0, 2)))].map((prefix) => mkdir(join(dir, 'objects', prefix), { recursive: true })));
    await writers.write(blobs.map((blob) => ({ path: fileOf(blob.oid), wrapped: blob.wrapped, level: blob.level })));
    for (const [i, blob] of blobs.entries()) expect(execFileSync('git', ['--git-dir', dir, 'cat-file', '-p', blob.oid], { encoding: 'utf8' })).toBe(`hostname r${i}\n`);
    const files = await readdir(join(dir, 'objects'), { recursive: true });
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('fails a write it cannot make, and makes the next one', async () => {
    const blob = blobObject('hostname r1\n');
    await expect(writers.write([{ path: fileOf(blob.oid), wrapped: blob.wrapped, level: blob.level }])).rejects.toThrow(/ENOENT/);
    await mkdir(join(dir, 'objects', blob.oid.slice(0, 2)));
    await writers.write([{ path: fileOf(blob.oid), wrapped: blob.wrapped, level: blob.level }]);
    expect(execFileSync('git', ['--git-dir', dir, 'cat-file', '-t', blob.oid], { encoding: 'utf8' }).trim()).toBe('blob');
  });
});
