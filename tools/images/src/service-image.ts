import { buildWebConsoleIfStale, bundleApp } from '@netkeep/build-tools';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildWithBuildah } from './buildah-image-builder';
import { fetchDebianPackages, readDebianPackagesLock } from './debian-packages';
import { buildWithDockerfile } from './dockerfile-image-builder';
import { imageCacheDir } from './image-cache';
import { imageLabels, imageRuntimeConfig } from './image-config';
import { resolveImageEngine, type ImageEngine } from './image-engine';
import { stageImageLayers } from './image-layers';
import { imageReference } from './image-reference';
import { fetchNodeRuntime } from './node-runtime';
import { readOciArchive } from './oci-archive';
import { installProductionDependencies } from './production-dependencies';
import { readBundleManifest } from './production-manifest';
import { readSourceMetadata } from './source-metadata';

/** An app under apps/ that runs as a cluster service; any other app with a main.ts can be imaged too. */
export type ServiceName = 'inventory' | 'config-backup' | 'telemetry' | (string & Record<never, never>);

/** The service whose image also carries the web console in /app/web: the ingress routes `/` to it. */
export const WEB_CONSOLE_SERVICE: ServiceName = 'inventory';

export interface ServiceImageOptions {
  /** The app's directory name under apps/ (not its Nx project name). */
  service: ServiceName;
  workspaceRoot: string;
  /** Where `<service>.oci.tar` is written. */
  outputDir: string;
  /** Default: buildah, else podman, else docker, whichever can build here. */
  engine?: ImageEngine;
  /** A tag, or a whole reference when it contains `/`; default `localhost/netkeep/<service>:<version>-<image id>`. */
  tag?: string;
  /** Called at the start of each step, for a CLI to show progress. */
  onStep?: (step: string) => void;
}

export interface ServiceImage {
  reference: string;
  archivePath: string;
  /** The layers as a registry stores them and a node pulls them. */
  compressedBytes: number;
  uncompressedBytes?: number;
  engine: ImageEngine;
  /** The image's manifest digest: the same for the same commit and pins (see the README's Images section). */
  manifestDigest: string;
}

/**
 * Builds one service's OCI image and writes it as `<outputDir>/<service>.oci.tar`. With buildah
 * the image is assembled from pinned parts (see stageImageLayers); with podman or docker it is
 * the service's Dockerfile. Config-backup's worker runs from the same image with CMD /app/worker.js.
 */
export async function buildServiceImage(options: ServiceImageOptions): Promise<ServiceImage> {
  const { service, tag } = options;
  const step = options.onStep ?? (() => undefined);
  const workspaceRoot = resolve(options.workspaceRoot);
  const outputDir = resolve(options.outputDir);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(service) || !existsSync(join(workspaceRoot, 'apps', service, 'src', 'main.ts'))) {
    throw new Error(`no service app named "${service}": apps/${service}/src/main.ts does not exist`);
  }
  const archivePath = join(outputDir, `${service}.oci.tar`);
  // The engines read `oci-archive:<path>:<reference>`; a colon in the path would split it.
  if (archivePath.includes(':')) throw new Error(`the output directory must not contain ":" (${outputDir})`);

  const engine = await resolveImageEngine(options.engine);
  const source = await readSourceMetadata(workspaceRoot);
  const labels = imageLabels(service, source);
  await mkdir(outputDir, { recursive: true });
  const referenceFor = (imageId: string): string => imageReference({ service, tag, version: source.version, imageId });

  if (engine !== 'buildah') {
    step(`${engine} build -f apps/${service}/Dockerfile`);
    const { reference } = await buildWithDockerfile({ engine, workspaceRoot, service, labels, sourceDateEpoch: source.sourceDateEpoch, archivePath, referenceFor });
    return describe(engine, reference, archivePath);
  }

  // The bundler wants its output inside the workspace; a private directory keeps concurrent builds apart.
  const bundleDir = join(workspaceRoot, 'dist', 'images', `.bundle-${service}-${randomBytes(4).toString('hex')}`);
  const workDir = await mkdtemp(join(outputDir, `.${service}-build-`));
  try {
    step(`bundle apps/${service}`);
    await bundleApp(service, { outputDir: bundleDir });
    const bundle = await readBundleManifest(bundleDir);

    const cacheDir = imageCacheDir();
    step(`Node.js runtime and Debian libraries (cache: ${cacheDir})`);
    const debianLock = await readDebianPackagesLock();
    const [runtime, debianPackages] = await Promise.all([fetchNodeRuntime(cacheDir), fetchDebianPackages(cacheDir, debianLock)]);
    step(`production dependencies: ${bundle.packages.length} packages and what they require`);
    const dependencies = await installProductionDependencies({ workspaceRoot, bundle, runtime, cacheDir });

    let webConsoleDir: string | undefined;
    if (service === WEB_CONSOLE_SERVICE) {
      step('web console (apps/web)');
      webConsoleDir = (await buildWebConsoleIfStale()).outputDir;
    }

    const layers = await stageImageLayers({
      service,
      stageDir: join(workDir, 'system'),
      debian: { lock: debianLock, packages: debianPackages },
      runtime,
      dependencies,
      bundleDir,
      webConsoleDir,
    });
    step(`buildah: ${layers.length} layers, smoke check, push to ${archivePath}`);
    const { reference } = await buildWithBuildah({
      service,
      layers,
      runtimeConfig: imageRuntimeConfig(bundle.nodeFlags),
      labels,
      sourceDateEpoch: source.sourceDateEpoch,
      smokeCheckPackages: bundle.packages,
      storageDir: join(workDir, 'storage'),
      archivePath,
      referenceFor,
    });
    return describe(engine, reference, archivePath);
  } finally {
    await rm(workDir, { recursive: true, force: true });
    await rm(bundleDir, { recursive: true, force: true });
  }
}

async function describe(engine: ImageEngine, reference: string, archivePath: string): Promise<ServiceImage> {
  const archive = await readOciArchive(archivePath);
  return { reference, archivePath, compressedBytes: archive.compressedBytes, uncompressedBytes: archive.uncompressedBytes, engine, manifestDigest: archive.manifestDigest };
}
