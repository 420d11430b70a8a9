import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Components render in jsdom; the build and API-types checks say `@vitest-environment node` in their files. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  test: {
    include: ['src/**/*.spec.{ts,tsx}', 'build/**/*.spec.ts', 'scripts/**/*.spec.ts'],
    environment: 'jsdom',
    setupFiles: ['src/testing/cleanup-after-each.ts'],
    testTimeout: 30_000,
  },
});
