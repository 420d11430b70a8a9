import { startFakeKubeApiServer, type FakeKubeApiServer } from '@netkeep/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKubeconfig, type LoadedKubeconfig } from '../kubeconfig/load-kubeconfig';
import { COMPONENT_LABEL } from './component-objects';
import { deployOverlay, renderOverlay } from './deploy-overlay';

const K3S_OVERLAY = resolve(__dirname, '../../../../../k8s/overlays/k3s');
const SERVICES = ['inventory', 'config-backup', 'telemetry'];
const IMAGES = Object.fromEntries(SERVICES.map((service) => [`netkeep/${service}`, `registry.local:5000/netkeep/${service}:2.0.0`]));

describe('deployOverlay with the real k3s overlay against a fake Kubernetes API', () => {
  let fake: FakeKubeApiServer;
  let workDir: string;
  let cluster: LoadedKubeconfig;

  beforeEach(async () => {
    fake = await startFakeKubeApiServer({ nodes: [{ name: 'k3s-server', internalIP: '10.0.0.11' }] });
    workDir = await mkdtemp(join(tmpdir(), 'netkeep-overlay-'));
    cluster = loadKubeconfig({ path: await fake.writeKubeconfig(workDir) });
  });

  afterEach(async () => {
    await fake.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('applies every rendered object, rolls out every workload with the given images, and finds the API', async () => {
    const report = await deployOverlay({ overlayDir: K3S_OVERLAY, images: IMAGES, cluster, rolloutTimeoutMs: 10_000 });

    const rendered = renderOverlay({ overlayDir: K3S_OVERLAY, images: IMAGES });
    expect(report.applied).toHaveLength(rendered.length);
    expect(report.applied.every((object) => object.outcome === 'created')).toBe(true);
    expect(report.rollouts.map((rollout) => rollout.display).sort()).toEqual(
      rendered.filter((object) => ['Deployment', 'StatefulSet'].includes(object.kind)).map((object) => `${object.kind.toLowerCase()}.apps/${object.metadata.name}`).sort(),
    );
    expect(report.rollouts.every((rollout) => rollout.status.phase === 'complete')).toBe(true);
    const inventory = fake.get('apps/v1', 'Deployment', 'netkeep', 'inventory') as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } };
    expect(inventory.spec.template.spec.containers[0]?.image).toBe('registry.local:5000/netkeep/inventory:2.0.0');
    const writes = fake.requests.filter((request) => request.method === 'PATCH' || request.method === 'POST');
    expect(new Set(writes.map((request) => request.query['fieldManager']))).toEqual(new Set(['netkeep-deploy']));
    expect(report.endpoints[0]?.url).toMatch(/^http:\/\/10\.0\.0\.11\/api/);
  });

  it('changes nothing on a second deploy, although rendering generates new secret values', async () => {
    await deployOverlay({ overlayDir: K3S_OVERLAY, images: IMAGES, cluster, rolloutTimeoutMs: 10_000 });
    const version = fake.resourceVersion();

    const second = await deployOverlay({ overlayDir: K3S_OVERLAY, images: IMAGES, cluster, rolloutTimeoutMs: 10_000 });

    expect(second.applied.filter((object) => object.outcome !== 'unchanged').map((object) => object.display)).toEqual([]);
    expect(second.applied.some((object) => object.keptExisting)).toBe(true);
    expect(fake.resourceVersion()).toBe(version);
  });

  it("deploys one service with the shared objects and leaves the other services' objects alone", async () => {
    const report = await deployOverlay({
      overlayDir: K3S_OVERLAY,
      images: { 'netkeep/inventory': 'registry.local:5000/netkeep/inventory:2.0.1' },
      component: { name: 'inventory', deployable: SERVICES },
      cluster,
      rolloutTimeoutMs: 10_000,
    });

    const components = new Set(report.applied.map((object) => object.live.metadata.labels?.[COMPONENT_LABEL]));
    expect(components.has('inventory')).toBe(true);
    expect(components.has('telemetry')).toBe(false);
    expect(components.has('config-backup')).toBe(false);
    expect(fake.list('apps/v1', 'Deployment', 'netkeep').map((deployment) => deployment.metadata.name)).toEqual(['inventory']);
  });
});
