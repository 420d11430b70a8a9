import * as models from 'kubernetes-models';
import { describe, expect, it } from 'vitest';
import { isGeneratedSecret } from '../apply/generated-secret';
import type { KubeObject } from '../api/kube-object';
import { generatedSecrets } from './generated-secrets';
import { NETKEEP_SECRETS } from './netkeep-secrets.recipe';
import { renderKustomization } from './render-kustomization';
import { secretReferencesOf } from './secret-references';
import { K3S_OVERLAY, K8S_DIR } from './testing/k3s-overlay';
import { copyWithImages } from './testing/copy-with-images';
import { KUBECTL, kubectlKustomize } from './testing/kubectl-kustomize';

type ModelClass = new (data: unknown) => { validate(): void };

/** kubernetes-models' class for an apiVersion and kind: `apps/v1` Deployment → models.apps.v1.Deployment. */
function modelClassFor(apiVersion: string, kind: string): ModelClass | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const groupKey = group === '' ? version : group.split('.').map((part, index) => (index === 0 ? part : part[0].toUpperCase() + part.slice(1))).join('');
  const groupModule = (models as unknown as Record<string, Record<string, unknown>>)[groupKey];
  const versionModule = (group === '' ? groupModule : groupModule?.[version]) as Record<string, ModelClass> | undefined;
  return versionModule?.[kind];
}

describe('the k3s overlay', () => {
  const objects = renderKustomization(K3S_OVERLAY);
  const manifests = objects.filter((object) => !isGeneratedSecret(object));

  it('renders the whole platform into the netkeep namespace', () => {
    const names = objects.map((object) => `${object.kind}/${object.metadata.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'Namespace/netkeep',
        'Secret/netkeep-secrets',
        'StatefulSet/redis',
        'StatefulSet/postgresql',
        'Deployment/inventory',
        'Deployment/config-backup',
        'Deployment/config-backup-worker',
        'Deployment/telemetry',
        'Ingress/netkeep-api',
        'PodDisruptionBudget/config-backup-worker',
        'NetworkPolicy/default-deny-ingress',
      ]),
    );
    for (const object of objects.filter((candidate) => candidate.kind !== 'Namespace')) expect(object.metadata.namespace, object.metadata.name).toBe('netkeep');
  });

  // kubernetes-models 4.5.1 carries the Kubernetes 1.27 OpenAPI schema; every field netkeep uses exists there unchanged.
  it.each(objects.map((object) => [`${object.kind} ${object.metadata.name}`, object] as [string, KubeObject]))(
    '%s validates against the Kubernetes OpenAPI schema',
    (_, object) => {
      const Model = modelClassFor(object.apiVersion, object.kind);
      expect(Model, `no schema for ${object.apiVersion} ${object.kind}`).toBeDefined();
      expect(() => new (Model as ModelClass)(object).validate()).not.toThrow();
    },
  );

  it.skipIf(!KUBECTL)('equals the output of kubectl kustomize, generated Secret aside (skipped when no kubectl binary is installed)', () => {
    expect(manifests).toEqual(kubectlKustomize(K3S_OVERLAY));
  });

  it.skipIf(!KUBECTL)('takes the images nx deploy gives it as kubectl would (skipped when no kubectl binary is installed)', () => {
    const images = { 'netkeep/inventory': 'registry.example:5000/netkeep/inventory:3f2c1ab', 'netkeep/config-backup': 'netkeep/config-backup@sha256:' + 'ab'.repeat(32) };
    const rendered = renderKustomization(K3S_OVERLAY, { images, secretRecipes: [] });
    const workerImage = rendered.find((object) => object.metadata.name === 'config-backup-worker') as { spec: { template: { spec: { containers: { image: string }[] } } } } & KubeObject;
    expect(workerImage.spec.template.spec.containers[0].image).toBe(images['netkeep/config-backup']);
    const copy = copyWithImages(K8S_DIR, 'overlays/k3s', images);
    try {
      expect(rendered).toEqual(kubectlKustomize(copy.overlayDir));
    } finally {
      copy.remove();
    }
  });
});

describe('netkeep-secrets, generated because the repository never holds it', () => {
  const randomBytes = (size: number): Buffer => Buffer.alloc(size, 7);
  const objects = renderKustomization(K3S_OVERLAY, { randomBytes });
  const [secret] = generatedSecrets(objects);
  const value = (key: string): string => Buffer.from((secret['data'] as Record<string, string>)[key], 'base64').toString('utf8');

  it('is the only generated object, marked so that an applier creates it only when absent', () => {
    expect(generatedSecrets(objects)).toHaveLength(1);
    expect(secret.metadata).toMatchObject({ name: 'netkeep-secrets', namespace: 'netkeep', annotations: { 'netkeep.dev/generated': 'true' } });
  });

  it('holds every key a pod reads from it', () => {
    const used = new Set(objects.flatMap(secretReferencesOf).filter((reference) => reference.secret === 'netkeep-secrets').map((reference) => reference.key));
    expect([...used].sort()).toEqual(Object.keys(NETKEEP_SECRETS.keys).sort());
  });

  it('makes values netkeep accepts: a 32-byte key, long distinct tokens, a database URL with the generated password', () => {
    expect(Buffer.from(value('secret-key'), 'base64')).toHaveLength(32);
    expect(value('admin-token').length).toBeGreaterThanOrEqual(24);
    expect(value('service-token').length).toBeGreaterThanOrEqual(24);
    expect(value('admin-token')).not.toBe(value('service-token'));
    expect(value('database-url')).toBe(`postgres://netkeep:${value('postgres-password')}@postgresql:5432/netkeep`);
  });

  it('differs at every render with the default random source', () => {
    const first = generatedSecrets(renderKustomization(K3S_OVERLAY))[0]['data'];
    const second = generatedSecrets(renderKustomization(K3S_OVERLAY))[0]['data'];
    expect(first).not.toEqual(second);
  });
});
