import type { KubeObject } from '../api/kube-object';
import { renderKustomization } from '../render/render-kustomization';
import { objectsForComponent } from './component-objects';
import { deployObjects, type DeployObjectsOptions, type DeployReport } from './deploy-objects';

export interface OverlaySelection {
  /** A kustomization directory, e.g. `k8s/overlays/k3s`. */
  overlayDir: string;
  /** Image name in the manifests → reference to deploy (`netkeep/inventory` → `registry:5000/netkeep/inventory:1.2.0`). */
  images?: Readonly<Record<string, string>>;
  /**
   * Deploy one component and the shared objects only (see objectsForComponent); without it,
   * everything the overlay renders.
   */
  component?: { name: string; deployable: readonly string[] };
}

export type DeployOverlayOptions = OverlaySelection & Omit<DeployObjectsOptions, 'objects'>;

/** The objects a deploy of `selection` would apply, rendered in TypeScript (no kubectl or kustomize binary). */
export function renderOverlay(selection: OverlaySelection): KubeObject[] {
  const objects = renderKustomization(selection.overlayDir, { images: selection.images });
  return selection.component ? objectsForComponent(objects, selection.component.name, selection.component.deployable) : objects;
}

/** Renders the overlay, then applies it, waits for the rollouts and finds where the API answers. */
export async function deployOverlay(options: DeployOverlayOptions): Promise<DeployReport> {
  const { overlayDir, images, component, ...deploy } = options;
  return deployObjects({ ...deploy, objects: renderOverlay({ overlayDir, images, component }) });
}
