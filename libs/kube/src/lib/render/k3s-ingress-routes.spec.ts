import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderKustomization } from './render-kustomization';
import { controllerRoutes } from './testing/controller-routes';
import { K3S_OVERLAY } from './testing/k3s-overlay';
import { routeOf, traefikRoutersOf } from './testing/traefik-routing';

const LIBS_DIR = resolve(__dirname, '../../../..');

/** Which cluster service serves each library's controllers. Every service mounts core; its tokens live with the inventory. */
const SERVICE_OF_LIBRARY: Record<string, string> = {
  inventory: 'inventory',
  backup: 'config-backup',
  telemetry: 'telemetry',
  core: 'inventory',
};

describe('the ingress routes every /api/v1 route to the service that serves it', () => {
  const objects = renderKustomization(K3S_OVERLAY, { secretRecipes: [] });
  const ingresses = objects.filter((object) => object.kind === 'Ingress');
  const routers = ingresses.flatMap(traefikRoutersOf);
  const routes = controllerRoutes(LIBS_DIR).filter((route) => route.path.startsWith('/api/v1/'));

  it('is one Traefik ingress of networking.k8s.io/v1', () => {
    expect(ingresses).toHaveLength(1);
    expect(ingresses[0].apiVersion).toBe('networking.k8s.io/v1');
    expect((ingresses[0]['spec'] as { ingressClassName: string }).ingressClassName).toBe('traefik');
  });

  it('finds the controllers it checks', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((route) => route.path)).toEqual(expect.arrayContaining(['/api/v1/devices/p1/configs/diff', '/api/v1/telemetry/devices/p1/poll']));
  });

  const publicRoutes = routes.filter((route) => !route.path.startsWith('/api/v1/internal/'));
  it.each(publicRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_, route) => {
    const expected = SERVICE_OF_LIBRARY[route.library];
    expect(expected, `no service is known for libs/${route.library} (${route.file})`).toBeDefined();
    expect(routeOf(routers, route.path), route.file).toBe(expected);
  });

  it('keeps the internal endpoints off the ingress: only services call them, directly', () => {
    const internal = routes.filter((route) => route.path.startsWith('/api/v1/internal/'));
    expect(internal.length).toBeGreaterThan(0);
    for (const route of internal) expect(routeOf(routers, route.path), route.path).toBeUndefined();
  });

  it('sends traffic only to Services and ports that exist', () => {
    const services = objects.filter((object) => object.kind === 'Service');
    for (const ingress of ingresses) {
      const paths = (ingress['spec'] as { rules: { http: { paths: { backend: { service: { name: string; port: { name: string } } } }[] } }[] }).rules.flatMap((rule) => rule.http.paths);
      for (const { backend } of paths) {
        const service = services.find((candidate) => candidate.metadata.name === backend.service.name);
        expect(service, backend.service.name).toBeDefined();
        const ports = (service?.['spec'] as { ports: { name: string }[] }).ports.map((port) => port.name);
        expect(ports).toContain(backend.service.port.name);
      }
    }
  });
});
