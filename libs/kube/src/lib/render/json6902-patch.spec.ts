import { describe, expect, it } from 'vitest';
import { applyPatchOperations, parsePatchOperations } from './json6902-patch';
import { KustomizationError } from './kustomization.error';

const document = { spec: { replicas: 1, ports: [{ port: 80 }, { port: 443 }] }, metadata: { name: 'web', annotations: { 'a/b': 'x' } } };

describe('JSON 6902 patches', () => {
  it('adds, replaces and removes members and array elements', () => {
    const patched = applyPatchOperations(document, [
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/spec/ports/1', value: { port: 8080 } },
      { op: 'add', path: '/spec/ports/-', value: { port: 9090 } },
      { op: 'remove', path: '/spec/ports/0' },
      { op: 'add', path: '/spec/type', value: 'ClusterIP' },
    ]);
    expect(patched.spec).toEqual({ replicas: 3, ports: [{ port: 8080 }, { port: 443 }, { port: 9090 }], type: 'ClusterIP' });
  });

  it('leaves the original untouched', () => {
    applyPatchOperations(document, [{ op: 'replace', path: '/spec/replicas', value: 5 }]);
    expect(document.spec.replicas).toBe(1);
  });

  it('decodes ~1 and ~0 in pointers', () => {
    expect(applyPatchOperations(document, [{ op: 'replace', path: '/metadata/annotations/a~1b', value: 'y' }]).metadata.annotations).toEqual({ 'a/b': 'y' });
  });

  it('moves and copies values, and tests them', () => {
    const patched = applyPatchOperations(document, [
      { op: 'test', path: '/spec/replicas', value: 1 },
      { op: 'copy', from: '/spec/ports/0', path: '/spec/first' },
      { op: 'move', from: '/metadata/name', path: '/metadata/oldName' },
    ]);
    expect(patched).toMatchObject({ spec: { first: { port: 80 } }, metadata: { oldName: 'web' } });
    expect(patched.metadata).not.toHaveProperty('name');
  });

  it.each([
    ['replace of a missing member', { op: 'replace' as const, path: '/spec/missing', value: 1 }, /does not exist/],
    ['remove of a missing member', { op: 'remove' as const, path: '/spec/missing' }, /does not exist/],
    ['add below a missing parent', { op: 'add' as const, path: '/status/phase', value: 'x' }, /does not exist/],
    ['an index past the end', { op: 'add' as const, path: '/spec/ports/5', value: {} }, /out of range/],
    ['a failing test', { op: 'test' as const, path: '/spec/replicas', value: 2 }, /test failed/],
  ])('fails on %s, naming the operation', (_, operation, message) => {
    expect(() => applyPatchOperations(document, [operation])).toThrow(KustomizationError);
    expect(() => applyPatchOperations(document, [operation])).toThrow(message);
  });

  it('reads operations from YAML or JSON and refuses a strategic-merge patch', () => {
    expect(parsePatchOperations('- op: remove\n  path: /spec/replicas\n', 'inline')).toEqual([{ op: 'remove', path: '/spec/replicas' }]);
    expect(parsePatchOperations('[{"op":"add","path":"/a","value":1}]', 'inline')).toEqual([{ op: 'add', path: '/a', value: 1 }]);
    expect(() => parsePatchOperations('spec:\n  replicas: 2\n', 'p.yaml')).toThrow(/p.yaml: strategic-merge patches are not supported/);
    expect(() => parsePatchOperations('- op: merge\n  path: /a\n', 'p.yaml')).toThrow(/op must be one of/);
    expect(() => parsePatchOperations('- op: add\n  path: /a\n', 'p.yaml')).toThrow(/add needs value/);
  });
});
