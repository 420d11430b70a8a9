import { mkdir, rm } from 'node:fs/promises';
import { buildahStorageArguments, removeBuildahStorage } from './buildah-storage';
import type { ImageRuntimeConfig } from './image-config';
import type { ImageLayer } from './image-layers';
import { runCommand } from './run-command';

export interface BuildahBuild {
  /** Names the working containers, for anyone watching `buildah containers`. */
  service: string;
  layers: ImageLayer[];
  runtimeConfig: ImageRuntimeConfig;
  labels: Record<string, string>;
  /** The image's timestamp (config, history), and its layers' unless a layer sets its own. */
  sourceDateEpoch: number;
  /** Packages that must load in the finished image, as its user, with only its own files. */
  smokeCheckPackages: readonly string[];
  /** A private container storage, deleted afterwards: concurrent builds never share one. */
  storageDir: string;
  archivePath: string;
  /** The reference to write into the archive, given the image's ID. */
  referenceFor: (imageId: string) => string;
}

export interface BuildahResult {
  imageId: string;
  reference: string;
}

type Buildah = (...args: string[]) => Promise<string>;

/** OCI names for Node's process.arch values. */
const OCI_ARCHITECTURES: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/**
 * Builds the image FROM scratch with buildah: one commit per layer (vfs storage, so no kernel
 * overlay support is needed), a smoke check that runs the image's node on the image's files,
 * and a push to an OCI archive. Needs no daemon and no registry.
 */
export async function buildWithBuildah(build: BuildahBuild): Promise<BuildahResult> {
  const storage = buildahStorageArguments(build.storageDir);
  const buildah: Buildah = async (...args) => (await runCommand('buildah', [...storage, ...args])).stdout.trim();
  await mkdir(build.storageDir, { recursive: true });
  try {
    let base = 'scratch';
    for (const [index, layer] of build.layers.entries()) {
      const container = await buildah('from', '--pull=never', '--quiet', '--name', `netkeep-${build.service}-layer-${index}`, base);
      for (const addition of layer.additions) {
        const owner = addition.owner ? ['--chown', `${addition.owner.uid}:${addition.owner.gid}`] : [];
        await buildah('add', '--quiet', ...owner, container, addition.source, addition.destination);
      }
      const isLast = index === build.layers.length - 1;
      await buildah('config', '--created-by', layer.description, ...(isLast ? configArguments(build) : []), container);
      if (isLast && isRoot()) await smokeCheckInRootfs(buildah, build, container);
      // --timestamp also sets every file's mtime in the layer; without the identity label the config depends only on the inputs.
      base = await buildah('commit', '--quiet', '--rm', '--identity-label=false', '--timestamp', String(layer.epochSeconds ?? build.sourceDateEpoch), container);
    }
    const imageId = base;
    if (!isRoot()) await smokeCheckInContainer(buildah, build, imageId);
    const reference = build.referenceFor(imageId);
    await rm(build.archivePath, { force: true });
    await buildah('push', '--quiet', imageId, `oci-archive:${build.archivePath}:${reference}`);
    return { imageId, reference };
  } finally {
    await removeBuildahStorage(build.storageDir);
  }
}

function configArguments(build: BuildahBuild): string[] {
  const { runtimeConfig: config } = build;
  return [
    '--os',
    'linux',
    '--arch',
    OCI_ARCHITECTURES[process.arch] ?? process.arch,
    '--entrypoint',
    JSON.stringify(config.entrypoint),
    '--cmd',
    JSON.stringify(config.cmd),
    '--workingdir',
    config.workingDir,
    '--user',
    config.user,
    ...config.exposedPorts.flatMap((port) => ['--port', port]),
    ...Object.entries(config.env).flatMap(([name, value]) => ['--env', `${name}=${value}`]),
    ...Object.entries(build.labels).flatMap(([name, value]) => ['--label', `${name}=${value}`]),
  ];
}

/** Loads every runtime package with the image's node, as the image's user: a missing library or a wrong-ABI addon fails the build here. */
function smokeCheckScript(build: BuildahBuild): string {
  const requireFromApp = `require('node:module').createRequire(${JSON.stringify(`${build.runtimeConfig.workingDir}/`)})`;
  return `const load = ${requireFromApp}; for (const name of ${JSON.stringify(build.smokeCheckPackages)}) load(name);`;
}

/** As root: chroot into the working container's files before the commit; nothing runs that could write to them. */
async function smokeCheckInRootfs(buildah: Buildah, build: BuildahBuild, container: string): Promise<void> {
  const rootfs = await buildah('mount', container);
  try {
    const { entrypoint, user, env } = build.runtimeConfig;
    await runCommand('chroot', [`--userspec=${user}`, rootfs, entrypoint[0], '-e', smokeCheckScript(build)], { env: { ...env, PATH: process.env['PATH'] } });
  } finally {
    await buildah('umount', container);
  }
}

/** Rootless: chroot needs privileges, so the check runs in a throwaway container of the committed image. */
async function smokeCheckInContainer(buildah: Buildah, build: BuildahBuild, imageId: string): Promise<void> {
  const container = await buildah('from', '--pull=never', '--quiet', '--name', `netkeep-${build.service}-smoke-check`, imageId);
  try {
    await buildah('run', '--isolation', 'chroot', container, '--', build.runtimeConfig.entrypoint[0], '-e', smokeCheckScript(build));
  } finally {
    await buildah('rm', container);
  }
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}
