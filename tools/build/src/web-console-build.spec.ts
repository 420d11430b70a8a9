import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newestSourceMtimeMs, webConsoleIsFresh } from './web-console-build';

const WORKSPACE = resolve(__dirname, '../../..');

describe('the web console build check', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netkeep-web-build-'));
    await mkdir(join(dir, 'src', 'devices'), { recursive: true });
    await mkdir(join(dir, 'out'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const at = async (path: string, seconds: number) => {
    await writeFile(path, 'x');
    await utimes(path, seconds, seconds);
  };

  it('finds the newest source file at any depth, and ignores specs', async () => {
    await at(join(dir, 'src', 'main.tsx'), 1_000);
    await at(join(dir, 'src', 'devices', 'DevicesPage.tsx'), 2_000);
    await at(join(dir, 'src', 'devices', 'DevicesPage.spec.tsx'), 9_000);
    expect(await newestSourceMtimeMs([join(dir, 'src'), join(dir, 'missing')])).toBe(2_000_000);
  });

  it('is fresh only when the built index.html is newer than every source', async () => {
    const sources = [join(dir, 'src')];
    await at(join(dir, 'src', 'main.tsx'), 1_000);
    expect(await webConsoleIsFresh(join(dir, 'out'), sources)).toBe(false);
    await at(join(dir, 'out', 'index.html'), 1_500);
    expect(await webConsoleIsFresh(join(dir, 'out'), sources)).toBe(true);
    await at(join(dir, 'src', 'devices', 'DevicesPage.tsx'), 2_000);
    expect(await webConsoleIsFresh(join(dir, 'out'), sources)).toBe(false);
  });

  it('runs on npm start, after the platform bundle and before the platform starts', async () => {
    const manifest = JSON.parse(await readFile(join(WORKSPACE, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts['start']).toMatch(/bundle-app\.ts apps\/platform && node -r @swc-node\/register tools\/build\/src\/web-console-build\.ts && exec node /);
  });
});
