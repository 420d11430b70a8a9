import { NODE_RUNTIME_FLAGS } from '@netkeep/build-tools';
import type { SourceMetadata } from './source-metadata';

/**
 * Where things are inside every netkeep image, and how it starts. The buildah build, the
 * Dockerfiles (checked by a test) and the Kubernetes manifests all follow this one layout.
 */
export const IMAGE_LAYOUT = {
  /** The Node.js binary, where distroless nodejs images keep it too. */
  nodeBinary: '/nodejs/bin/node',
  appDir: '/app',
  /** NETKEEP_DATA_DIR: the configuration archive (SSH host keys are in the database); a volume in the cluster. */
  dataDir: '/var/lib/netkeep',
  /** Distroless's `nonroot`: a uid no host account is likely to share. */
  user: { name: 'nonroot', uid: 65532, gid: 65532, home: '/home/nonroot' },
  port: 3000,
} as const;

/** How a container of the image runs, in the terms of the OCI image config. */
export interface ImageRuntimeConfig {
  entrypoint: string[];
  /** The process entry; another entry of the same image (config-backup's worker) replaces only this. */
  cmd: string[];
  workingDir: string;
  user: string;
  exposedPorts: string[];
  env: Record<string, string>;
}

/** The entrypoint runs node with netkeep's runtime flags; CMD names the bundle entry, main.js unless a replica says otherwise. */
export function imageRuntimeConfig(nodeFlags: readonly string[] = NODE_RUNTIME_FLAGS): ImageRuntimeConfig {
  const { nodeBinary, appDir, dataDir, user, port } = IMAGE_LAYOUT;
  return {
    entrypoint: [nodeBinary, ...nodeFlags],
    cmd: entryCommand('main.js'),
    workingDir: appDir,
    user: `${user.uid}:${user.gid}`,
    exposedPorts: [`${port}/tcp`],
    env: { NODE_ENV: 'production', NETKEEP_DATA_DIR: dataDir },
  };
}

/** The CMD (Kubernetes `args`) that runs another entry of an app's bundle, e.g. `worker.js`. */
export function entryCommand(entry: string): string[] {
  return [`${IMAGE_LAYOUT.appDir}/${entry}`];
}

/** OCI annotations as image labels; `created` is the reproducible timestamp, not the wall clock. */
export function imageLabels(service: string, source: SourceMetadata): Record<string, string> {
  const labels: Record<string, string> = {
    'org.opencontainers.image.title': `netkeep-${service}`,
    'org.opencontainers.image.description': `netkeep ${service} service`,
    'org.opencontainers.image.licenses': 'MIT',
    'org.opencontainers.image.version': source.version,
    'org.opencontainers.image.created': new Date(source.sourceDateEpoch * 1000).toISOString(),
  };
  if (source.revision) labels['org.opencontainers.image.revision'] = source.revision;
  if (source.sourceUrl) labels['org.opencontainers.image.source'] = source.sourceUrl;
  return labels;
}
