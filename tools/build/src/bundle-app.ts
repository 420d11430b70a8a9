/**
 * Builds one app into `dist/apps/<app>/`: each process entry (`main.ts`, `worker.ts`) becomes
 * one CommonJS file with every workspace library inlined and npm packages left as `require`s,
 * so a process starts without a TypeScript loader (which alone costs tens of megabytes of RSS)
 * and an image needs only the bundle and the production dependencies.
 *
 * esbuild bundles; SWC compiles each TypeScript file first because NestJS's dependency
 * injection reads the decorator metadata that esbuild does not emit.
 *
 *   node -r @swc-node/register tools/build/src/bundle-app.ts <app>
 */
import { transform } from '@swc/core';
import { build, type Plugin } from 'esbuild';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');
const ENTRY_NAMES = ['main.ts', 'worker.ts'];

/**
 * How every netkeep process is started (npm start, tests, images), for a 512 MB node: 2 MB
 * semi-spaces instead of V8's 16 MB keep ~28 MB of young generation off the idle RSS, and
 * --optimize-for-size makes V8 grow the old generation slowly — with small semi-spaces, polling
 * 500 devices every 5 s otherwise promotes enough garbage to let it grow to ~160 MB between
 * major collections (busy RSS 304 MB with the first flag alone, 148 MB with both).
 */
export const NODE_RUNTIME_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--optimize-for-size'];

/** TypeScript through SWC with legacy decorators and their design-time metadata. */
const decoratorMetadata: Plugin = {
  name: 'swc-decorator-metadata',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const output = await transform(source, {
        filename: path,
        sourceMaps: 'inline',
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'es6' },
      });
      return { contents: output.code, loader: 'js' };
    });
  },
};

export interface BundleReport {
  app: string;
  outputDir: string;
  entries: string[];
  /** npm packages the bundle requires at run time: what an image must install. */
  packages: string[];
}

export interface BundleOptions {
  /** Default `dist/apps/<app>`; must lie inside the workspace so npm packages resolve from its node_modules. */
  outputDir?: string;
}

export async function bundleApp(app: string, options: BundleOptions = {}): Promise<BundleReport> {
  const sourceDir = join(WORKSPACE, 'apps', app, 'src');
  if (!existsSync(sourceDir)) throw new Error(`no app named ${app}: ${relative(WORKSPACE, sourceDir)} does not exist`);
  const entries = ENTRY_NAMES.map((name) => join(sourceDir, name)).filter((path) => existsSync(path));
  if (entries.length === 0) throw new Error(`apps/${app} has no ${ENTRY_NAMES.join(' or ')}`);
  const outputDir = options.outputDir ?? join(WORKSPACE, 'dist', 'apps', app);
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });

  const result = await build({
    absWorkingDir: WORKSPACE,
    entryPoints: entries,
    outdir: outputDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    tsconfig: join(WORKSPACE, 'tsconfig.json'),
    sourcemap: 'linked',
    // Class names are part of NestJS's provider tokens and of error messages.
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [decoratorMetadata],
  });
  const packages = [...new Set(Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((entry) => entry.external).map((entry) => packageName(entry.path))))]
    .filter((name) => !name.startsWith('node:') && !builtinModules.includes(name))
    .sort();
  await writeFile(join(outputDir, 'bundle.json'), `${JSON.stringify({ app, entries: entries.map((path) => relative(sourceDir, path).replace(/\.ts$/, '.js')), nodeFlags: NODE_RUNTIME_FLAGS, packages }, null, 2)}\n`);
  return { app, outputDir, entries: entries.map((path) => relative(WORKSPACE, path)), packages };
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

if (require.main === module) {
  // An app's name or its project root (`apps/inventory`, as Nx passes it).
  const app = process.argv[2]?.replace(/^apps\//, '').replace(/\/$/, '');
  if (!app || app.includes('/')) {
    process.stderr.write('usage: bundle-app <app | apps/<app>>\n');
    process.exit(2);
  }
  bundleApp(app).then(
    (report) => process.stdout.write(`${report.app}: ${report.entries.join(', ')} -> ${relative(WORKSPACE, report.outputDir)} (${report.packages.length} npm packages)\n`),
    (error: Error) => {
      process.stderr.write(`bundle ${app}: ${error.message}\n`);
      process.exit(1);
    },
  );
}
