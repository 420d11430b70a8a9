import { startFakeKubeApiServer, type FakeKubeApiServer } from '@netkeep/testing';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubeApiError } from '../api/kube-api-error';
import type { KubeObject } from '../api/kube-object';
import { loadKubeconfig, type LoadedKubeconfig } from '../kubeconfig/load-kubeconfig';
import { RolloutFailedError } from '../rollout/rollout-failed-error';
import { deployObjects } from './deploy-objects';

async function smallPlatform(): Promise<KubeObject[]> {
  const text = await readFile(join(__dirname, 'fixtures', 'small-platform.yaml'), 'utf8');
  return parseAllDocuments(text).map((document) => document.toJSON() as KubeObject);
}

function withImage(objects: KubeObject[], image: string): KubeObject[] {
  return objects.map((object) => {
    if (object.kind !== 'Deployment') return object;
    const copy = structuredClone(object) as KubeObject & { spec: { template: { spec: { containers: { image: string }[] } } } };
    copy.spec.template.spec.containers = copy.spec.template.spec.containers.map((container) => ({ ...container, image }));
    return copy;
  });
}

function withSecretValue(objects: KubeObject[], value: string): KubeObject[] {
  return objects.map((object) => (object.kind === 'Secret' ? { ...object, stringData: { NETKEEP_SECRET_KEY: value } } : object));
}

describe('deployObjects against a fake Kubernetes API', () => {
  let fake: FakeKubeApiServer;
  let workDir: string;
  let cluster: LoadedKubeconfig;

  beforeEach(async () => {
    fake = await startFakeKubeApiServer({ ingressAddresses: ['192.168.50.10'] });
    workDir = await mkdtemp(join(tmpdir(), 'netkeep-deploy-'));
    cluster = loadKubeconfig({ path: await fake.writeKubeconfig(workDir) });
  });

  afterEach(async () => {
    await fake.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('server-side applies every object in dependency order as the netkeep-deploy field manager', async () => {
    const report = await deployObjects({ objects: await smallPlatform(), cluster, rolloutTimeoutMs: 5_000 });

    expect(report.applied.map((object) => `${object.display} ${object.outcome}`)).toEqual([
      'namespace/netkeep-test created',
      'networkpolicy.networking.k8s.io/inventory-from-ingress created',
      'secret/netkeep-secrets created',
      'configmap/netkeep-config created',
      'service/inventory created',
      'deployment.apps/inventory created',
      'middleware.traefik.io/api-headers created',
      'ingress.networking.k8s.io/netkeep created',
    ]);
    const patches = fake.requests.filter((request) => request.method === 'PATCH');
    expect(patches).toHaveLength(7);
    for (const patch of patches) {
      expect(patch.contentType).toBe('application/apply-patch+yaml');
      expect(patch.query).toMatchObject({ fieldManager: 'netkeep-deploy', force: 'false' });
    }
    const deployment = fake.get('apps/v1', 'Deployment', 'netkeep-test', 'inventory');
    expect(deployment?.metadata['managedFields']).toEqual([expect.objectContaining({ manager: 'netkeep-deploy', operation: 'Apply' })]);
  });

  it('sends each manifest as written, so a NetworkPolicy keeps its `from` peers', async () => {
    await deployObjects({ objects: await smallPlatform(), cluster, rolloutTimeoutMs: 5_000 });

    const policy = fake.get('networking.k8s.io/v1', 'NetworkPolicy', 'netkeep-test', 'inventory-from-ingress') as { spec?: { ingress?: { from?: unknown[] }[] } };
    expect(policy.spec?.ingress?.[0]?.from).toHaveLength(1);
  });

  it('reports everything unchanged on a second deploy with no change, and the cluster moves no resourceVersion', async () => {
    const objects = await smallPlatform();
    await deployObjects({ objects, cluster, rolloutTimeoutMs: 5_000 });
    const versionAfterFirst = fake.resourceVersion();
    const generationAfterFirst = fake.get('apps/v1', 'Deployment', 'netkeep-test', 'inventory')?.metadata['generation'];

    const second = await deployObjects({ objects, cluster, rolloutTimeoutMs: 5_000 });

    expect(second.applied.map((object) => object.outcome)).toEqual(Array(8).fill('unchanged'));
    expect(fake.resourceVersion()).toBe(versionAfterFirst);
    expect(fake.get('apps/v1', 'Deployment', 'netkeep-test', 'inventory')?.metadata['generation']).toBe(generationAfterFirst);
  });

  it('reports a changed image as configured and waits for the new generation to roll out', async () => {
    const objects = await smallPlatform();
    await deployObjects({ objects, cluster, rolloutTimeoutMs: 5_000 });

    const report = await deployObjects({ objects: withImage(objects, 'registry.local/netkeep/inventory:1.0.1'), cluster, rolloutTimeoutMs: 5_000 });

    expect(report.applied.filter((object) => object.outcome !== 'unchanged').map((object) => `${object.display} ${object.outcome}`)).toEqual([
      'deployment.apps/inventory configured',
    ]);
    const deployment = fake.get('apps/v1', 'Deployment', 'netkeep-test', 'inventory');
    expect(deployment?.metadata['generation']).toBe(2);
    expect(deployment?.['status']).toMatchObject({ observedGeneration: 2, availableReplicas: 1 });
    expect(report.rollouts.map((rollout) => rollout.status.phase)).toEqual(['complete']);
  });

  it('creates a generated secret once and never overwrites it with newly generated values', async () => {
    const objects = await smallPlatform();
    await deployObjects({ objects, cluster, rolloutTimeoutMs: 5_000 });
    const requestsBefore = fake.requests.length;

    const report = await deployObjects({ objects: withSecretValue(objects, 'regenerated-value'), cluster, rolloutTimeoutMs: 5_000 });

    const secret = report.applied.find((object) => object.reference.kind === 'Secret');
    expect(secret).toMatchObject({ outcome: 'unchanged', keptExisting: true });
    const stored = fake.get('v1', 'Secret', 'netkeep-test', 'netkeep-secrets') as unknown as { data: Record<string, string> };
    expect(Buffer.from(stored.data['NETKEEP_SECRET_KEY'] as string, 'base64').toString()).toBe('first-generated-value');
    const writesToSecret = fake.requests.slice(requestsBefore).filter((request) => request.method !== 'GET' && request.path.includes('/secrets'));
    expect(writesToSecret).toEqual([]);
  });

  it('fails a rollout that never becomes ready with the pod, its waiting reason, last exit code and warnings', async () => {
    fake.setRollout('netkeep-test', 'inventory', { outcome: 'failing', reason: 'CrashLoopBackOff', exitCode: 3 });

    const failure = await deployObjects({ objects: await smallPlatform(), cluster, rolloutTimeoutMs: 1_500 }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(RolloutFailedError);
    const message = (failure as Error).message;
    expect(message).toContain('deployment.apps/inventory in netkeep-test not ready after 2 s: 0 of 1 updated replicas are available');
    expect(message).toMatch(/pod inventory-\w+-\w+ \(Running\)/);
    expect(message).toContain('container inventory: waiting: CrashLoopBackOff');
    expect(message).toContain('last run ended Error with exit code 3');
    expect(message).toContain('event BackOff (x7): Back-off restarting failed container inventory');
    expect(message).not.toContain('Started container');
  });

  it('explains an image that cannot be pulled', async () => {
    fake.setRollout('netkeep-test', 'inventory', { outcome: 'failing', reason: 'ImagePullBackOff', message: 'registry.local: no such host' });

    const failure = await deployObjects({ objects: await smallPlatform(), cluster, rolloutTimeoutMs: 1_000 }).catch((error: unknown) => error);

    expect((failure as Error).message).toContain('container inventory: waiting: ImagePullBackOff (registry.local: no such host)');
    expect((failure as Error).message).toContain('Failed to pull image "registry.local/netkeep/inventory:1.0.0"');
  });

  it('leaves fields another manager set alone unless told to take them over', async () => {
    const objects = await smallPlatform();
    await deployObjects({ objects, cluster, rolloutTimeoutMs: 5_000 });
    fake.applyAs('kubectl', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'netkeep-config', namespace: 'netkeep-test' }, data: { LOG_LEVEL: 'debug' } }, true);

    const refused = await deployObjects({ objects, cluster, rolloutTimeoutMs: 5_000 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(KubeApiError);
    expect((refused as Error).message).toContain('configmap/netkeep-config: Apply failed with 1 conflict: conflict with "kubectl": .data.LOG_LEVEL');

    const forced = await deployObjects({ objects, cluster, forceConflicts: true, rolloutTimeoutMs: 5_000 });
    expect(forced.applied.find((object) => object.reference.kind === 'ConfigMap')?.outcome).toBe('configured');
    expect(fake.get('v1', 'ConfigMap', 'netkeep-test', 'netkeep-config')?.['data']).toEqual({ LOG_LEVEL: 'info' });
  });

  it('says where the API answers: the address Traefik published on the Ingress, under the API paths', async () => {
    const report = await deployObjects({ objects: await smallPlatform(), cluster, rolloutTimeoutMs: 5_000 });

    expect(report.endpoints).toEqual([{ url: 'http://192.168.50.10/api/v1', source: 'Ingress netkeep-test/netkeep status' }]);
  });
});
