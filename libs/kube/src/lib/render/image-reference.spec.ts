import { describe, expect, it } from 'vitest';
import { formatImageReference, imagesEntryFor, parseImageReference, retagImage } from './image-reference';

describe('image references', () => {
  it.each([
    ['netkeep/inventory', { name: 'netkeep/inventory' }],
    ['netkeep/inventory:0.1.0', { name: 'netkeep/inventory', tag: '0.1.0' }],
    ['registry.local:5000/netkeep/inventory', { name: 'registry.local:5000/netkeep/inventory' }],
    ['registry.local:5000/netkeep/inventory:abc', { name: 'registry.local:5000/netkeep/inventory', tag: 'abc' }],
    ['netkeep/inventory@sha256:0f0f', { name: 'netkeep/inventory', digest: 'sha256:0f0f' }],
    ['netkeep/inventory:1.2@sha256:0f0f', { name: 'netkeep/inventory', tag: '1.2', digest: 'sha256:0f0f' }],
    ['redis:7.4.5-alpine', { name: 'redis', tag: '7.4.5-alpine' }],
  ])('cuts %s the way kustomize does', (reference, parts) => {
    expect(parseImageReference(reference)).toEqual(parts);
    expect(formatImageReference(parseImageReference(reference))).toBe(reference);
  });

  it('replaces tag and digest together, and keeps the tag when only the name changes', () => {
    expect(retagImage('a/b:1@sha256:00', { name: 'a/b', newTag: '2' })).toBe('a/b:2');
    expect(retagImage('a/b:1', { name: 'a/b', digest: 'sha256:ff' })).toBe('a/b@sha256:ff');
    expect(retagImage('a/b:1', { name: 'a/b', newName: 'reg:5000/a/b' })).toBe('reg:5000/a/b:1');
  });

  it('turns a reference into the images: entry kustomize edit set image writes', () => {
    expect(imagesEntryFor('netkeep/inventory', 'reg:5000/netkeep/inventory:abc')).toEqual({ name: 'netkeep/inventory', newName: 'reg:5000/netkeep/inventory', newTag: 'abc' });
    expect(imagesEntryFor('netkeep/inventory', 'netkeep/inventory@sha256:ff')).toEqual({ name: 'netkeep/inventory', digest: 'sha256:ff' });
  });
});
