import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleApp, NODE_RUNTIME_FLAGS } from './bundle-app';

const run = promisify(execFile);
const WORKSPACE = resolve(__dirname, '../../..');
const outputDir = join(WORKSPACE, 'dist', 'test-bundles', `build-tools-${randomBytes(4).toString('hex')}`);

describe('bundleApp', () => {
  afterAll(() => rm(outputDir, { recursive: true, force: true }));

  it('bundles an app into one file that runs on plain node, with workspace libraries inlined', async () => {
    const report = await bundleApp('cli', { outputDir });
    const { stdout } = await run(process.execPath, [...NODE_RUNTIME_FLAGS, join(outputDir, 'main.js'), '--help'], { cwd: WORKSPACE });
    expect(stdout).toContain('Usage: netkeep');
    expect(report.packages).toContain('ssh2');
    expect(report.packages.some((name) => name.startsWith('@netkeep/'))).toBe(false);
    const manifest = JSON.parse(await readFile(join(outputDir, 'bundle.json'), 'utf8')) as { entries: string[]; nodeFlags: string[] };
    expect(manifest).toMatchObject({ entries: ['main.js'], nodeFlags: [...NODE_RUNTIME_FLAGS] });
  });

  it('keeps the decorator metadata NestJS injects by', async () => {
    await bundleApp('inventory', { outputDir });
    const bundle = await readFile(join(outputDir, 'main.js'), 'utf8');
    expect(bundle).toMatch(/"design:paramtypes"/);
  });

  it('refuses an app that does not exist', async () => {
    await expect(bundleApp('no-such-app', { outputDir })).rejects.toThrow('no app named no-such-app');
  });

  it('is what npm start runs, with the same runtime flags', async () => {
    const manifest = JSON.parse(await readFile(join(WORKSPACE, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts['start']).toContain(`exec node ${NODE_RUNTIME_FLAGS.join(' ')} dist/apps/platform/main.js`);
    expect(manifest.scripts['start']).toContain('tools/build/src/bundle-app.ts apps/platform');
  });
});
