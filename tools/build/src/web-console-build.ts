/**
 * Builds the web console (apps/web, with Vite) into dist/apps/web unless the build there is newer
 * than every file it is made from: npm start and the browser tests run this, so an unchanged
 * console costs a walk over its sources, not a build.
 *
 *   node -r @swc-node/register tools/build/src/web-console-build.ts
 */
import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');
const WEB_APP = join(WORKSPACE, 'apps', 'web');
export const WEB_CONSOLE_OUTPUT = join(WORKSPACE, 'dist', 'apps', 'web');

/** What a build reads: the app's page, config and sources (not its tests or scripts), and the lockfile for its dependencies. */
const BUILD_INPUTS = [join(WEB_APP, 'index.html'), join(WEB_APP, 'vite.config.mts'), join(WEB_APP, 'src'), join(WEB_APP, 'build'), join(WORKSPACE, 'package-lock.json')];

export interface WebConsoleBuild {
  outputDir: string;
  /** False when the existing build was fresh. */
  built: boolean;
  durationMs: number;
}

/** The newest modification time among `paths` and every file under them, spec files excepted; 0 when none exists. */
export async function newestSourceMtimeMs(paths: readonly string[]): Promise<number> {
  const times = await Promise.all(
    paths.map(async (path) => {
      const info = await stat(path).catch(() => undefined);
      if (!info) return 0;
      if (!info.isDirectory()) return /\.spec\.tsx?$/.test(path) ? 0 : info.mtimeMs;
      const entries = await readdir(path);
      return newestSourceMtimeMs(entries.map((entry) => join(path, entry)));
    }),
  );
  return Math.max(0, ...times);
}

/** Whether `outputDir` holds a build (its index.html) made after the last change to `inputs`. */
export async function webConsoleIsFresh(outputDir: string, inputs: readonly string[] = BUILD_INPUTS): Promise<boolean> {
  const built = await stat(join(outputDir, 'index.html')).catch(() => undefined);
  return built !== undefined && built.mtimeMs > (await newestSourceMtimeMs(inputs));
}

export async function buildWebConsoleIfStale(): Promise<WebConsoleBuild> {
  const started = Date.now();
  if (await webConsoleIsFresh(WEB_CONSOLE_OUTPUT)) return { outputDir: WEB_CONSOLE_OUTPUT, built: false, durationMs: Date.now() - started };
  await new Promise<void>((done, fail) => {
    // Vite's own command line, as `nx build web` runs it: the same config, plugins and budget check.
    // NODE_ENV=production whatever the caller's (a test runner sets "test", which would build React's development edition).
    const env = { ...process.env, NODE_ENV: 'production' };
    execFile(process.execPath, [join(WORKSPACE, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: WEB_APP, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? fail(new Error(`vite build failed:\n${stdout}${stderr}`)) : done(),
    );
  });
  return { outputDir: WEB_CONSOLE_OUTPUT, built: true, durationMs: Date.now() - started };
}

if (require.main === module) {
  buildWebConsoleIfStale().then(
    (build) => {
      const where = relative(WORKSPACE, build.outputDir);
      process.stdout.write(build.built ? `web console: built in ${(build.durationMs / 1000).toFixed(1)} s -> ${where}\n` : `web console: ${where} is up to date\n`);
    },
    (error: Error) => {
      process.stderr.write(`web console: ${error.message}\n`);
      process.exit(1);
    },
  );
}
