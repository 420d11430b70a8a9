import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { firstLoadBudget } from './build/first-load-budget';

const WORKSPACE = resolve(import.meta.dirname, '../..');

/** `vite build` (nx build web) writes dist/apps/web, which the platform serves at /; `vite` serves it live against a platform on :3000. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), firstLoadBudget({ limitKb: 300 })],
  build: {
    outDir: resolve(WORKSPACE, 'dist/apps/web'),
    emptyOutDir: true,
    target: 'es2022',
    // The budget plugin measures the first load itself; Vite's per-file report only repeats it.
    reportCompressedSize: false,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/healthz', '/readyz', '/metrics'].map((path) => [path, process.env['NETKEEP_API_URL'] ?? 'http://127.0.0.1:3000'])),
  },
});
