import type { ImagesEntry } from './kustomization-file';

/** An image reference cut the way kustomize cuts it: name (with registry), tag, digest. */
export interface ImageReference {
  name: string;
  tag?: string;
  digest?: string;
}

/** `registry:5000/netkeep/inventory:0.1.0@sha256:…` → its parts; a registry's port is not mistaken for a tag. */
export function parseImageReference(reference: string): ImageReference {
  const slash = reference.indexOf('/');
  const searchFrom = slash > 0 ? slash : 0;
  const at = reference.indexOf('@', searchFrom);
  const colon = reference.indexOf(':', searchFrom);
  if (at < 0 && colon < 0) return { name: reference };
  if (at >= 0 && (colon < 0 || at < colon)) return { name: reference.slice(0, at), digest: reference.slice(at + 1) };
  if (at >= 0) return { name: reference.slice(0, colon), tag: reference.slice(colon + 1, at), digest: reference.slice(at + 1) };
  return { name: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}

export function formatImageReference(image: ImageReference): string {
  return `${image.name}${image.tag ? `:${image.tag}` : ''}${image.digest ? `@${image.digest}` : ''}`;
}

/** Whether `reference` is the image `name`, with or without a tag or digest (kustomize's rule). */
export function isImageNamed(reference: string, name: string): boolean {
  return parseImageReference(reference).name === name;
}

/** kustomize's replacement: a new name keeps the tag; a new tag or digest replaces both tag and digest. */
export function retagImage(reference: string, entry: ImagesEntry): string {
  const image = parseImageReference(reference);
  const name = entry.newName ?? image.name;
  if (entry.newTag !== undefined || entry.digest !== undefined) return formatImageReference({ name, tag: entry.newTag, digest: entry.digest });
  return formatImageReference({ ...image, name });
}

/**
 * What `kustomize edit set image <name>=<reference>` writes: the `images:` entry that turns
 * `name` into `reference`. A reference without tag or digest only renames.
 */
export function imagesEntryFor(name: string, reference: string): ImagesEntry {
  const image = parseImageReference(reference);
  const entry: ImagesEntry = { name };
  if (image.name !== name) entry.newName = image.name;
  if (image.tag !== undefined) entry.newTag = image.tag;
  if (image.digest !== undefined) entry.digest = image.digest;
  return entry;
}
