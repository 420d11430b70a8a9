import type { KubeObject } from '../api/kube-object';

/** The label that says which component of a platform an object belongs to. */
export const COMPONENT_LABEL = 'app.kubernetes.io/name';

/**
 * The objects to apply when deploying one component of a rendered platform: its own, plus the
 * shared ones no other deployable component claims (namespace, Redis, the database, secrets,
 * the ingress). Another component's objects are left out because rendering them here would
 * roll that component back to the image tag the overlay names.
 */
export function objectsForComponent(objects: readonly KubeObject[], component: string, deployableComponents: readonly string[]): KubeObject[] {
  const others = new Set(deployableComponents.filter((name) => name !== component));
  return objects.filter((object) => !others.has(object.metadata.labels?.[COMPONENT_LABEL] ?? ''));
}
