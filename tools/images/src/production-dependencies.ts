import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { NodeRuntime } from './node-runtime';
import { partialEntry, publishEntry } from './image-cache';
import { productionManifest, writeProductionManifest, type BundleManifest } from './production-manifest';
import { runCommand } from './run-command';

/** Bump when the way dependencies are installed changes, so cached installs are redone. */
const INSTALL_RECIPE = 2;

/** Files no running process reads: type declarations and source maps, a third of node_modules' files. */
const UNUSED_AT_RUN_TIME = /\.(d\.ts|d\.mts|d\.cts|map)$/;

/** An installed production tree: `node_modules`, and the package.json and lockfile it was installed from. */
export interface ProductionDependencies {
  dir: string;
}

export interface ProductionDependenciesOptions {
  workspaceRoot: string;
  bundle: BundleManifest;
  runtime: NodeRuntime;
  cacheDir: string;
}

export class NativeAddonNotBuiltError extends Error {
  constructor(packageDir: string, installLog: string) {
    super(`${packageDir} has a native addon whose build produced no .node file; npm ci said:\n${installLog.trim().slice(-4000)}`);
    this.name = 'NativeAddonNotBuiltError';
  }
}

/**
 * `npm ci --omit=dev` of a lockfile pruned from the workspace's: the exact versions the tests
 * ran against, only what the bundle requires. Native addons are compiled from source against the
 * image's Node.js headers (never a prebuilt for the host's Node), and their build trees dropped,
 * as are type declarations and source maps.
 * Cached by the pruned lockfile, the runtime and the architecture.
 */
export async function installProductionDependencies(options: ProductionDependenciesOptions): Promise<ProductionDependencies> {
  const { workspaceRoot, bundle, runtime, cacheDir } = options;
  const project = await productionManifest(workspaceRoot, bundle);
  const key = createHash('sha256')
    .update(JSON.stringify({ INSTALL_RECIPE, project, runtime: runtime.pin, arch: process.arch }))
    .digest('hex')
    .slice(0, 24);
  const dir = join(cacheDir, 'production-dependencies', `${bundle.app}-${key}`);
  if (existsSync(join(dir, 'node_modules'))) return { dir };

  const partial = await partialEntry(dir);
  await mkdir(partial, { recursive: true });
  try {
    await writeProductionManifest(project, partial);
    const install = await runCommand('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: partial, env: installEnvironment(runtime, partial) });
    await rm(join(partial, 'node_modules', '.package-lock.json'), { force: true });
    await dropBuildTrees(partial, `${install.stderr}\n${install.stdout}`);
    await dropUnusedFiles(partial);
    // Loaded by the image's own node: an addon built for another ABI fails here, before it is cached.
    await runCommand(runtime.binary, ['-e', `for (const name of ${JSON.stringify(bundle.packages)}) require(name);`], { cwd: partial });
    await publishEntry(partial, dir);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  await dropOlderInstalls(dir, bundle.app);
  return { dir };
}

// One install per service is kept: an older lockfile's tree is never used again, and weighs 100 MB or more.
async function dropOlderInstalls(current: string, service: string): Promise<void> {
  const parent = dirname(current);
  for (const name of await readdir(parent)) {
    if (name.startsWith(`${service}-`) && !name.includes('.partial-') && join(parent, name) !== current && /^[0-9a-f]{24}$/.test(name.slice(service.length + 1))) {
      await rm(join(parent, name), { recursive: true, force: true });
    }
  }
}

function installEnvironment(runtime: NodeRuntime, installDir: string): NodeJS.ProcessEnv {
  // `npm run image` exports its own project's settings (local_prefix, allow_scripts) as npm_*: they are not this project's.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
  // Paths of the cache must not end up in the binaries: the same pins then compile to the same bytes anywhere.
  const prefixMaps = `-ffile-prefix-map=${runtime.dir}=/nodejs -ffile-prefix-map=${installDir}=/app`;
  return {
    ...inherited,
    // node-gyp compiles against the image's Node.js headers, not the host's.
    npm_config_nodedir: runtime.dir,
    npm_config_target: runtime.version,
    // prebuild-install would fetch a binary for the host's Node.js from GitHub; compile instead.
    npm_config_build_from_source: 'true',
    JOBS: 'max',
    CFLAGS: [process.env['CFLAGS'], prefixMaps].filter(Boolean).join(' '),
    CXXFLAGS: [process.env['CXXFLAGS'], prefixMaps].filter(Boolean).join(' '),
  };
}

/** Every package that compiled an addon keeps `build/Release/*.node` and nothing else of its build tree. */
async function dropBuildTrees(installDir: string, installLog: string): Promise<void> {
  for (const packageDir of await buildDirectories(installDir)) {
    const buildDir = join(packageDir, 'build');
    const release = join(buildDir, 'Release');
    const addons = existsSync(release) ? (await readdir(release)).filter((name) => name.endsWith('.node')) : [];
    if (addons.length === 0) throw new NativeAddonNotBuiltError(relative(installDir, packageDir), installLog);
    for (const entry of await readdir(buildDir)) if (entry !== 'Release') await rm(join(buildDir, entry), { recursive: true, force: true });
    for (const entry of await readdir(release)) if (!addons.includes(entry)) await rm(join(release, entry), { recursive: true, force: true });
  }
}

async function dropUnusedFiles(installDir: string): Promise<void> {
  const entries = await readdir(join(installDir, 'node_modules'), { recursive: true, withFileTypes: true });
  for (const entry of entries) if (entry.isFile() && UNUSED_AT_RUN_TIME.test(entry.name)) await rm(join(entry.parentPath, entry.name));
}

// A package with binding.gyp and a build/ directory tried to compile; one without build/ ships a prebuilt or was not allowed to run scripts.
async function buildDirectories(installDir: string): Promise<string[]> {
  const files = await readdir(join(installDir, 'node_modules'), { recursive: true });
  return files
    .filter((path) => path.endsWith('binding.gyp'))
    .map((path) => dirname(join(installDir, 'node_modules', path)))
    .filter((packageDir) => existsSync(join(packageDir, 'build')));
}
