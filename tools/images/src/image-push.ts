import { pushWithBuildah } from './buildah-image-push';
import { resolveImageEngine, type ImageEngine } from './image-engine';
import { pushLoadedImage } from './loaded-image-push';
import { registryHostOf } from './registry-reference';
import type { RegistryCredentials } from './registry-auth-file';

export type { RegistryCredentials } from './registry-auth-file';

export interface ImagePushOptions {
  /** An OCI archive as buildServiceImage writes it. */
  archivePath: string;
  /** Where to push: `host[:port][/path]/repository:tag`. */
  reference: string;
  /** Default: buildah, else podman, else docker, whichever works here. */
  engine?: ImageEngine;
  /** false: plain HTTP, or HTTPS without certificate checks (docker leaves this to its daemon's insecure-registries). Default true. */
  tlsVerify?: boolean;
  /** Default: whatever the engine's own login stored. */
  credentials?: RegistryCredentials;
}

export interface PushedImage {
  reference: string;
  /** The manifest digest the registry stores, when the engine reports it. */
  digest?: string;
}

/** A push as the engines receive it: checked, with the registry host its credentials are for. */
export type ArchivePush = ImagePushOptions & { registryHost: string };

/**
 * Pushes a built image archive to a registry. Nothing is left behind with buildah (the archive
 * goes through a private storage, removed afterwards); podman and docker keep the loaded image.
 */
export async function pushImageArchive(options: ImagePushOptions): Promise<PushedImage> {
  const registryHost = registryHostOf(options.reference);
  // The engines read `oci-archive:<path>`; a colon in the path would split it.
  if (options.archivePath.includes(':')) throw new Error(`the archive path must not contain ":" (${options.archivePath})`);
  const engine = await resolveImageEngine(options.engine);
  const push: ArchivePush = { ...options, registryHost };
  return engine === 'buildah' ? pushWithBuildah(push) : pushLoadedImage(engine, push);
}
