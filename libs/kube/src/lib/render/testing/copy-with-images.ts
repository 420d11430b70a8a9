import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/**
 * Copies `tree` to a temporary directory and edits the kustomization at `overlay` (relative to
 * the tree) as `kustomize edit set image name=reference` would. kubectl has no `kustomize edit`,
 * so this is how kubectl's output for RenderOptions.images is made.
 */
export function copyWithImages(tree: string, overlay: string, images: Record<string, string>): { overlayDir: string; remove: () => void } {
  const copy = mkdtempSync(join(tmpdir(), 'netkeep-kustomize-'));
  cpSync(tree, copy, { recursive: true });
  const file = join(copy, overlay, 'kustomization.yaml');
  const document = parseDocument(readFileSync(file, 'utf8'));
  const entries = ((document.toJS() as { images?: Record<string, string>[] }).images ?? []).filter((entry) => !(entry['name'] in images));
  for (const [name, reference] of Object.entries(images)) {
    const digestAt = reference.indexOf('@');
    const withoutDigest = digestAt >= 0 ? reference.slice(0, digestAt) : reference;
    const tagAt = withoutDigest.lastIndexOf(':');
    const hasTag = tagAt > withoutDigest.lastIndexOf('/');
    const entry: Record<string, string> = { name, newName: hasTag ? withoutDigest.slice(0, tagAt) : withoutDigest };
    if (hasTag) entry['newTag'] = withoutDigest.slice(tagAt + 1);
    if (digestAt >= 0) entry['digest'] = reference.slice(digestAt + 1);
    entries.push(entry);
  }
  document.set('images', entries);
  writeFileSync(file, document.toString());
  return { overlayDir: join(copy, overlay), remove: () => rmSync(copy, { recursive: true, force: true }) };
}
