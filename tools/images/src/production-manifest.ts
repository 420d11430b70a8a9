/**
 * Writes the package.json and package-lock.json that install exactly an app bundle's runtime
 * packages at the workspace's locked versions; the buildah build and the Dockerfiles both run
 * `npm ci --omit=dev` on them.
 *
 *   node -r @swc-node/register tools/images/src/production-manifest.ts <bundle dir> <output dir>
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pruneLockfile, type Lockfile, type PrunedProject } from './prune-lockfile';

/** The bundle.json the bundler writes beside an app's entries. */
export interface BundleManifest {
  app: string;
  entries: string[];
  nodeFlags: string[];
  /** npm packages the bundle requires at run time. */
  packages: string[];
}

export async function readBundleManifest(bundleDir: string): Promise<BundleManifest> {
  return JSON.parse(await readFile(join(bundleDir, 'bundle.json'), 'utf8')) as BundleManifest;
}

/** The pruned project for one bundle, named after its app. */
export async function productionManifest(workspaceRoot: string, bundle: BundleManifest): Promise<PrunedProject> {
  const rootManifest = JSON.parse(await readFile(join(workspaceRoot, 'package.json'), 'utf8')) as { version?: string; allowScripts?: Record<string, boolean> };
  const rootLockfile = JSON.parse(await readFile(join(workspaceRoot, 'package-lock.json'), 'utf8')) as Lockfile;
  return pruneLockfile(rootLockfile, bundle.packages, { name: `netkeep-${bundle.app}`, version: rootManifest.version ?? '0.0.0', allowScripts: rootManifest.allowScripts });
}

export async function writeProductionManifest(project: PrunedProject, outputDir: string): Promise<void> {
  await mkdir(outputDir, { recursive: true });
  await writeFile(join(outputDir, 'package.json'), `${JSON.stringify(project.packageJson, null, 2)}\n`);
  await writeFile(join(outputDir, 'package-lock.json'), `${JSON.stringify(project.lockfile, null, 2)}\n`);
}

if (require.main === module) {
  const [bundleDir, outputDir] = process.argv.slice(2);
  if (!bundleDir || !outputDir) {
    process.stderr.write('usage: production-manifest <bundle dir> <output dir>\n');
    process.exit(2);
  }
  const workspaceRoot = resolve(__dirname, '../../..');
  readBundleManifest(resolve(bundleDir))
    .then((bundle) => productionManifest(workspaceRoot, bundle))
    .then((project) => writeProductionManifest(project, resolve(outputDir)))
    .catch((error: Error) => {
      process.stderr.write(`production-manifest: ${error.message}\n`);
      process.exit(1);
    });
}
