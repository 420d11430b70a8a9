// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { firstLoadBudget, measureFirstLoad } from './first-load-budget';

function chunk(fileName: string, code: string, options: { isEntry?: boolean; imports?: string[] } = {}): Rollup.OutputChunk {
  return { type: 'chunk', fileName, code, isEntry: options.isEntry ?? false, imports: options.imports ?? [], dynamicImports: [] } as unknown as Rollup.OutputChunk;
}

const bundleOf = (...chunks: Rollup.OutputChunk[]): Rollup.OutputBundle => Object.fromEntries(chunks.map((entry) => [entry.fileName, entry]));

describe('the first-load budget', () => {
  it('counts the entry and its static imports, transitively, and leaves lazy chunks out', () => {
    const vendor = 'export const react = 1;'.repeat(50);
    const report = measureFirstLoad(
      bundleOf(
        chunk('assets/index-a1.js', 'import "./vendor-b2.js";', { isEntry: true, imports: ['assets/vendor-b2.js'] }),
        chunk('assets/vendor-b2.js', vendor, { imports: ['assets/shared-c3.js'] }),
        chunk('assets/shared-c3.js', 'export const shared = 2;'),
        chunk('assets/admin-d4.js', 'export const lazy = 3;'),
      ),
    );
    expect(report.files.map((file) => file.fileName)).toEqual(['assets/index-a1.js', 'assets/shared-c3.js', 'assets/vendor-b2.js']);
    expect(report.files.find((file) => file.fileName === 'assets/vendor-b2.js')?.gzipBytes).toBe(gzipSync(vendor).length);
    expect(report.gzipBytes).toBe(report.files.reduce((sum, file) => sum + file.gzipBytes, 0));
  });

  it('fails the build over budget, naming the size and the files', () => {
    const plugin = firstLoadBudget({ limitKb: 1 });
    const errors: string[] = [];
    const context = { error: (message: string) => errors.push(message) };
    // Random bytes do not compress: 2 KB of them stay over a 1 KB budget.
    const heavy = chunk('assets/index-e5.js', randomBytes(2048).toString('base64'), { isEntry: true });
    (plugin.generateBundle as (this: unknown, options: unknown, bundle: Rollup.OutputBundle) => void).call(context, {}, bundleOf(heavy));
    expect(errors).toEqual([expect.stringMatching(/^first load is \d+\.\d KB of gzipped JavaScript, over the 1 KB budget \(assets\/index-e5\.js /)]);
  });
});
