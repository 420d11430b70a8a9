import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DebianPackagesLock, DownloadedDebianPackage } from './debian-packages';
import { extractDebianPackages } from './debian-packages';
import { IMAGE_LAYOUT } from './image-config';
import type { NodeRuntime } from './node-runtime';
import type { ProductionDependencies } from './production-dependencies';
import { stageSystemFiles } from './system-files';

/** One file or directory copied into the image; a directory's contents land in `destination`. */
export interface LayerAddition {
  source: string;
  destination: string;
  /** Set for what the image's user must own; everything else is root's. */
  owner?: { uid: number; gid: number };
}

/** One image layer: what goes in, and the history line that says so. */
export interface ImageLayer {
  description: string;
  additions: LayerAddition[];
  /** The time its files and history carry, when only pins decide its content; otherwise the source's time. */
  epochSeconds?: number;
}

/** Distroless's choice: the epoch itself, so a layer made of pinned parts is the same blob whatever commit builds it. */
const PINNED_LAYER_EPOCH_SECONDS = 0;

export interface LayerInputs {
  service: string;
  /** A scratch directory the system layer is staged in. */
  stageDir: string;
  debian: { lock: DebianPackagesLock; packages: DownloadedDebianPackage[] };
  runtime: NodeRuntime;
  dependencies: ProductionDependencies;
  /** The app's bundle directory (main.js, worker.js, maps, bundle.json). */
  bundleDir: string;
  /** The built web console, for the service that serves it (`<app>/web`, NETKEEP_WEB_DIR in the manifests). */
  webConsoleDir?: string;
}

/**
 * Three layers, from the least to the most often changed: the system and runtime layers are the
 * same blobs in every service's image and every commit's (stored once on a node, shipped again
 * only when a pin changes). The app's dependencies share the last layer with its bundle: with vfs storage every
 * extra layer above node_modules costs a full copy and comparison of that tree.
 */
export async function stageImageLayers(inputs: LayerInputs): Promise<ImageLayer[]> {
  const { service, stageDir, debian, runtime, dependencies, bundleDir, webConsoleDir } = inputs;
  const { user, nodeBinary, appDir } = IMAGE_LAYOUT;
  const nodeDir = nodeBinary.slice(0, nodeBinary.indexOf('/bin/'));

  const system = await stageSystemFiles(stageDir);
  await extractDebianPackages(debian.packages, system.rootDir);
  const owner = { uid: user.uid, gid: user.gid };
  const bundleFiles = (await readdir(bundleDir)).sort();

  return [
    {
      description: `netkeep system: Debian ${debian.lock.suite} ${debian.packages.map((pkg) => `${pkg.name}=${pkg.version}`).join(' ')}; user ${user.name} (${user.uid})`,
      additions: [{ source: system.rootDir, destination: '/' }, ...system.ownedDirectories.map((dir) => ({ ...dir, owner }))],
      epochSeconds: PINNED_LAYER_EPOCH_SECONDS,
    },
    {
      description: `netkeep runtime: ${runtime.pin.name}@${runtime.pin.version} ${runtime.pin.integrity}`,
      additions: [
        { source: runtime.binary, destination: nodeBinary },
        { source: join(runtime.dir, 'LICENSE'), destination: `${nodeDir}/LICENSE` },
      ],
      epochSeconds: PINNED_LAYER_EPOCH_SECONDS,
    },
    {
      description: `netkeep ${service}: ${bundleFiles.join(' ')}, and npm ci --omit=dev of the workspace lockfile with native addons built for Node.js ${runtime.version}`,
      additions: [
        ...['package.json', 'package-lock.json', 'node_modules'].map((name) => ({ source: join(dependencies.dir, name), destination: `${appDir}/${name}` })),
        ...bundleFiles.map((name) => ({ source: join(bundleDir, name), destination: `${appDir}/${name}` })),
        ...(webConsoleDir ? [{ source: webConsoleDir, destination: `${appDir}/web` }] : []),
      ],
    },
  ];
}
