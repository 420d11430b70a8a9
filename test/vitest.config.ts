import { projectTestConfig } from '../vitest.shared';

/**
 * The e2e suite (real platform and lab processes), the API robustness, security and
 * reliability suites, one file at a time; benchmarks are not tests.
 */
export default projectTestConfig(__dirname, {
  include: ['e2e/**/*.spec.ts', 'api-robustness/**/*.spec.ts', 'security/**/*.spec.ts', 'reliability/**/*.spec.ts'],
  fileParallelism: false,
  testTimeout: 180_000,
});
