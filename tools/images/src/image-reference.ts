/** Where images are named when no registry is: what `buildah`, podman and K3S's containerd call a local image. */
export const LOCAL_REPOSITORY_PREFIX = 'localhost/netkeep';

const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export interface ReferenceInputs {
  service: string;
  /** A tag (`0.1.0`), or a whole reference when it has a `/` (`registry.example.net/netkeep/inventory:0.1.0`). */
  tag?: string;
  version: string;
  imageId: string;
}

/**
 * The image's name. Without a tag it is `<version>-<12 hex of the image ID>`: the same commit
 * gives the same name, and any change gives a new one, so a Deployment rolls out exactly when
 * the image changed (a reused tag would not be pulled again by a node that has it).
 */
export function imageReference({ service, tag, version, imageId }: ReferenceInputs): string {
  if (tag?.includes('/')) return tag;
  // Semver build metadata (`+build.5`) has a character tags do not allow.
  const resolvedTag = tag ?? `${version.replace(/[^A-Za-z0-9_.-]/g, '-')}-${imageId.replace(/^sha256:/, '').slice(0, 12)}`;
  if (!TAG_PATTERN.test(resolvedTag)) throw new Error(`"${resolvedTag}" is not a valid image tag (letters, digits, _ . -; at most 128)`);
  return `${LOCAL_REPOSITORY_PREFIX}/${service}:${resolvedTag}`;
}
