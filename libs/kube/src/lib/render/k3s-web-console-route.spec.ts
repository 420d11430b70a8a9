import { describe, expect, it } from 'vitest';
import { renderKustomization } from './render-kustomization';
import { K3S_OVERLAY, workloadsOf } from './testing/k3s-overlay';
import { routeOf, traefikRoutersOf } from './testing/traefik-routing';

describe('the web console in cluster mode', () => {
  const objects = renderKustomization(K3S_OVERLAY, { secretRecipes: [] });
  const routers = objects.filter((object) => object.kind === 'Ingress').flatMap(traefikRoutersOf);

  it('is routed to the inventory service: index.html at / and the hashed assets under /assets', () => {
    expect(routeOf(routers, '/')).toBe('inventory');
    expect(routeOf(routers, '/assets/index-Ab12Cd34.js')).toBe('inventory');
  });

  it('takes no other path: what the ingress does not route stays unrouted', () => {
    for (const path of ['/metrics', '/healthz', '/readyz', '/anything-else', '/api/v2/devices']) expect(routeOf(routers, path), path).toBeUndefined();
  });

  it('is served by the inventory pods from the directory their image carries', () => {
    const inventory = workloadsOf(objects).find((workload) => workload.object.metadata.name === 'inventory');
    const env = inventory?.pod.containers[0]?.env ?? [];
    expect(env).toContainEqual({ name: 'NETKEEP_WEB_DIR', value: '/app/web' });
  });
});
