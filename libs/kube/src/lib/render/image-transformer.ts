import type { KubeObject } from '../api/kube-object';
import { isImageNamed, retagImage } from './image-reference';
import type { ImagesEntry } from './kustomization-file';

/**
 * kustomize's `images:`: the image of every container and init container, wherever a
 * `containers` or `initContainers` list appears in an object, as kustomize's legacy image filter finds them.
 */
export function applyImages(objects: KubeObject[], entries: readonly ImagesEntry[]): KubeObject[] {
  if (entries.length === 0) return objects;
  return objects.map((original) => {
    const object = structuredClone(original);
    // One entry after another, as kustomize runs them: a later entry sees an earlier one's result.
    for (const entry of entries) {
      visitContainers(object, (container) => {
        const image = container['image'];
        if (typeof image === 'string' && isImageNamed(image, entry.name)) container['image'] = retagImage(image, entry);
      });
    }
    return object;
  });
}

function visitContainers(node: unknown, visit: (container: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitContainers(item, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      for (const container of value) if (typeof container === 'object' && container !== null) visit(container as Record<string, unknown>);
    }
    visitContainers(value, visit);
  }
}
