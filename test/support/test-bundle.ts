import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundleApp } from '@netkeep/build-tools';

export const WORKSPACE = resolve(__dirname, '../..');

/**
 * An app bundled as its image runs it, built once per test process into a directory of its own
 * (parallel suites never share a half-written bundle) and deleted by `remove()`: Vitest ends its
 * fork workers with SIGTERM, which skips 'exit' listeners, so the listener alone would leave
 * bundles in dist/test-bundles.
 */
export class TestBundle {
  private built?: Promise<string>;

  constructor(
    private readonly app: string,
    /** The entry file of the bundle, e.g. `main.js`. */
    private readonly entry: string,
  ) {}

  /** The entry file's path, bundling first if this process has not yet. */
  path(): Promise<string> {
    this.built ??= bundleApp(this.app, { outputDir: join(WORKSPACE, 'dist', 'test-bundles', `${process.pid}-${randomBytes(4).toString('hex')}`) }).then((report) => {
      process.once('exit', () => rmSync(report.outputDir, { recursive: true, force: true }));
      return join(report.outputDir, this.entry);
    });
    return this.built;
  }

  async remove(): Promise<void> {
    const built = this.built;
    this.built = undefined;
    const entry = await built?.catch(() => undefined);
    if (entry) await rm(join(entry, '..'), { recursive: true, force: true });
  }
}
