import { describe, expect, it } from 'vitest';
import { referenceTag, registryHostOf, registryRepository } from './registry-reference';

describe('registryRepository', () => {
  it('puts the repository under a registry host, with its port and path', () => {
    expect(registryRepository('registry.example.net', 'netkeep/inventory')).toBe('registry.example.net/netkeep/inventory');
    expect(registryRepository('127.0.0.1:5000', 'netkeep/inventory')).toBe('127.0.0.1:5000/netkeep/inventory');
    expect(registryRepository('localhost:5000/team/', 'netkeep/telemetry')).toBe('localhost:5000/team/netkeep/telemetry');
    expect(registryRepository('[::1]:5000', 'netkeep/inventory')).toBe('[::1]:5000/netkeep/inventory');
  });

  it('refuses a URL and says how plain HTTP is asked for', () => {
    expect(() => registryRepository('http://127.0.0.1:5000', 'netkeep/inventory')).toThrow(
      'the registry "http://127.0.0.1:5000" is host[:port][/path] without a scheme (plain HTTP: --insecure-registry)',
    );
  });

  it('refuses a bare name, which an engine would take for a Docker Hub namespace, and an uppercase path', () => {
    expect(() => registryRepository('myregistry', 'netkeep/inventory')).toThrow('is not host[:port][/path]');
    expect(() => registryRepository('registry.example.net/Team', 'netkeep/inventory')).toThrow('is not host[:port][/path]');
  });
});

describe('registryHostOf', () => {
  it('is the first component of a tagged reference in a registry', () => {
    expect(registryHostOf('127.0.0.1:5000/netkeep/inventory:0.1.0-abc')).toBe('127.0.0.1:5000');
    expect(registryHostOf('registry.example.net/team/netkeep/inventory:1')).toBe('registry.example.net');
  });

  it('refuses a reference without a registry or a tag', () => {
    expect(() => registryHostOf('netkeep/inventory:1')).toThrow('a push needs the registry and the tag named');
    expect(() => registryHostOf('registry.example.net/netkeep/inventory')).toThrow('a push needs the registry and the tag named');
  });
});

describe('referenceTag', () => {
  it("is what follows the last component's colon, not a port's", () => {
    expect(referenceTag('localhost/netkeep/inventory:0.1.0-0bd9225a6460')).toBe('0.1.0-0bd9225a6460');
    expect(referenceTag('localhost:5000/netkeep/inventory:rc1')).toBe('rc1');
    expect(() => referenceTag('localhost:5000/netkeep/inventory')).toThrow('"localhost:5000/netkeep/inventory" has no tag');
  });
});
