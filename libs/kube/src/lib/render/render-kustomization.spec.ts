import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isGeneratedSecret } from '../apply/generated-secret';
import { KustomizationError } from './kustomization.error';
import { renderKustomization } from './render-kustomization';
import { copyWithImages } from './testing/copy-with-images';
import { KUBECTL, kubectlKustomize } from './testing/kubectl-kustomize';
import { toYaml } from './to-yaml';

const FIXTURES = join(__dirname, 'fixtures');
const TRANSFORMERS = join(FIXTURES, 'transformers');
const OVERLAY = join(TRANSFORMERS, 'overlay');
const ERRORS = join(FIXTURES, 'errors');
const pure = { secretRecipes: [] };

/** The value at a dotted path of the rendered object `kind/name`: `at(objects, 'Deployment/web', 'spec.replicas')`. */
function at(objects: ReturnType<typeof renderKustomization>, id: string, path: string): unknown {
  const object = objects.find((candidate) => `${candidate.kind}/${candidate.metadata.name}` === id);
  if (!object) throw new Error(`no ${id}`);
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], object);
}

describe('renderKustomization on a fixture using every supported field', () => {
  const objects = renderKustomization(OVERLAY, pure);

  it('puts every namespaced object in the overlay namespace and renames the Namespace object', () => {
    expect(at(objects, 'Deployment/web', 'metadata.namespace')).toBe('shop-prod');
    expect(at(objects, 'Namespace/shop-prod', 'metadata.namespace')).toBeUndefined();
    expect(at(objects, 'ClusterRole/shop-reader', 'metadata.namespace')).toBeUndefined();
  });

  it('labels metadata everywhere and templates only where includeTemplates is set', () => {
    const worker = (path: string): unknown => at(objects, 'StatefulSet/worker', path);
    expect(worker('metadata.labels')).toEqual({ 'app.kubernetes.io/part-of': 'shop', environment: 'prod', tier: 'backend' });
    expect(worker('spec.template.metadata.labels')).toEqual({ app: 'worker', 'app.kubernetes.io/part-of': 'shop', tier: 'backend' });
    expect(worker('spec.volumeClaimTemplates.0.metadata.labels')).toEqual({ 'app.kubernetes.io/part-of': 'shop', tier: 'backend' });
    expect(worker('spec.selector.matchLabels')).toEqual({ app: 'worker' });
  });

  it('retags images in containers and init containers, one images entry after another', () => {
    const web = (path: string): unknown => at(objects, 'Deployment/web', `spec.template.spec.${path}`);
    expect(web('initContainers.0.image')).toBe('registry.local:5000/example/web:1.1');
    expect(web('containers.0.image')).toBe('registry.local:5000/example/web:1.1');
    expect(web('containers.1.image')).toBe('registry.local:5000/tools/proxy:3.2');
    expect(at(objects, 'CronJob/cleanup', 'spec.jobTemplate.spec.template.spec.containers.0.image')).toBe(
      'example/worker@sha256:1111111111111111111111111111111111111111111111111111111111111111',
    );
  });

  it('applies JSON 6902 patches from files and inline text to every target match', () => {
    expect(at(objects, 'Deployment/web', 'spec.replicas')).toBe(3);
    expect(at(objects, 'StatefulSet/worker', 'spec.replicas')).toBe(3);
    expect(at(objects, 'Service/web', 'spec.ports.0.port')).toBe(8080);
    expect(at(objects, 'Service/web', 'metadata.annotations')).toEqual({ note: 'patched' });
    expect(at(objects, 'ConfigMap/web-settings', 'data')).toEqual({ level: '3' });
  });

  it('orders objects as kustomize does: Namespace first, then by kind', () => {
    expect(objects.map((object) => object.kind)).toEqual([
      'Namespace',
      'ClusterRole',
      'ConfigMap',
      'Service',
      'Deployment',
      'StatefulSet',
      'CronJob',
      'PodDisruptionBudget',
    ]);
  });

  it.skipIf(!KUBECTL)('equals the output of kubectl kustomize (skipped when no kubectl binary is installed)', () => {
    expect(objects).toEqual(kubectlKustomize(OVERLAY));
  });

  it.skipIf(!KUBECTL)('sets images as `kustomize edit set image` would, like kubectl (skipped when no kubectl binary is installed)', () => {
    const images = {
      'example/web': 'ghcr.io/acme/web:2.0',
      'example/worker': 'registry.local:5000/example/worker:2.1@sha256:2222222222222222222222222222222222222222222222222222222222222222',
      'example/unused': 'example/unused:9',
    };
    const rendered = renderKustomization(OVERLAY, { ...pure, images });
    expect(at(rendered, 'Deployment/web', 'spec.template.spec.containers.0.image')).toBe('ghcr.io/acme/web:2.0');
    const copy = copyWithImages(TRANSFORMERS, 'overlay', images);
    try {
      expect(rendered).toEqual(kubectlKustomize(copy.overlayDir));
    } finally {
      copy.remove();
    }
  });

  it('prints YAML that parses back to the same objects, in the same order', () => {
    const parsed = parseAllDocuments(toYaml(objects)).map((document) => document.toJS());
    expect(parsed).toEqual(objects);
  });

  it('quotes strings that older YAML parsers would read as booleans', () => {
    expect(toYaml(objects)).toContain('- "yes"');
  });
});

describe('renderKustomization refuses what it does not render faithfully', () => {
  const refusals: [fixture: string, message: RegExp][] = [
    ['common-labels', /commonLabels is not supported.*selectors, which are immutable/],
    ['include-selectors', /includeSelectors: selector labels are immutable/],
    ['strategic-merge-patch', /strategic-merge patches are not supported.*JSON 6902/],
    ['patch-matches-nothing', /matches no resource/],
    ['duplicate-resource', /Service web is defined twice/],
    ['file-outside-root', /is a file outside/],
    ['cycle/a', /kustomizations include each other/],
  ];
  it.each(refusals)('%s', (fixture, message) => {
    expect(() => renderKustomization(join(ERRORS, fixture), pure)).toThrow(KustomizationError);
    expect(() => renderKustomization(join(ERRORS, fixture), pure)).toThrow(message);
  });

  it('names the workload that uses a Secret nobody provides', () => {
    expect(() => renderKustomization(join(ERRORS, 'unknown-secret'))).toThrow(
      /Deployment shop\/web uses Secret web-credentials, which the kustomization does not contain and no recipe generates/,
    );
  });

  it('leaves such references alone when no recipes are given', () => {
    const objects = renderKustomization(join(ERRORS, 'unknown-secret'), pure);
    expect(objects.filter(isGeneratedSecret)).toEqual([]);
  });

  it('says where the kustomization is missing', () => {
    expect(() => renderKustomization(join(FIXTURES, 'no-such-directory'))).toThrow(/no kustomization/);
  });
});
