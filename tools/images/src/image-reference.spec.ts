import { describe, expect, it } from 'vitest';
import { imageReference } from './image-reference';

const IMAGE_ID = 'sha256:0bd9225a6460c595d87ae94be0e33e86d8ccc19fce5a95297849fb5a3ded1fdd';

describe('imageReference', () => {
  it('names an untagged image by version and image ID, so a changed image always has a new name', () => {
    expect(imageReference({ service: 'inventory', version: '0.1.0', imageId: IMAGE_ID })).toBe('localhost/netkeep/inventory:0.1.0-0bd9225a6460');
  });

  it('turns semver build metadata into a character tags allow', () => {
    expect(imageReference({ service: 'telemetry', version: '1.2.0+build.5', imageId: IMAGE_ID })).toBe('localhost/netkeep/telemetry:1.2.0-build.5-0bd9225a6460');
  });

  it('uses a given tag under the local repository, and a given reference as it is', () => {
    expect(imageReference({ service: 'config-backup', tag: 'rc1', version: '0.1.0', imageId: IMAGE_ID })).toBe('localhost/netkeep/config-backup:rc1');
    expect(imageReference({ service: 'inventory', tag: 'registry.example.net:5000/netkeep/inventory:0.1.0', version: '0.1.0', imageId: IMAGE_ID })).toBe(
      'registry.example.net:5000/netkeep/inventory:0.1.0',
    );
  });

  it('refuses a tag a registry would refuse', () => {
    expect(() => imageReference({ service: 'inventory', tag: 'has space', version: '0.1.0', imageId: IMAGE_ID })).toThrow(/not a valid image tag/);
  });
});
