import swc from 'unplugin-swc';
import tsconfigPaths from 'vite-tsconfig-paths';
import { defineConfig, type UserConfig } from 'vitest/config';
import { resolve } from 'node:path';

/** The one test setup every project extends: SWC for decorator metadata, tsconfig paths for @netkeep/*. */
export function projectTestConfig(projectRoot: string, overrides: UserConfig['test'] = {}): UserConfig {
  return defineConfig({
    root: projectRoot,
    plugins: [tsconfigPaths({ root: resolve(__dirname) }), swc.vite({ module: { type: 'es6' } })],
    test: {
      include: ['src/**/*.spec.ts', '**/*.spec.ts'],
      exclude: ['**/node_modules/**', '**/dist/**'],
      environment: 'node',
      testTimeout: 30_000,
      hookTimeout: 60_000,
      pool: 'forks',
      ...overrides,
    },
  });
}
