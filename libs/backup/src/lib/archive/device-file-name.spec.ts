import { describe, expect, it } from 'vitest';
import { deviceFilePaths, deviceFileStem, isConfigFilePath } from './device-file-name';

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

describe('deviceFileStem', () => {
  it('keeps a name that is already safe', () => {
    expect(deviceFileStem('core-sw01.dc1')).toBe('core-sw01.dc1');
  });

  it.each([
    ['../../etc/passwd', /^etc-passwd-[0-9a-f]{8}$/],
    ['con', /^con-[0-9a-f]{8}$/],
    ['NUL.backup', /^NUL\.backup-[0-9a-f]{8}$/],
    ['site/a/r1', /^site-a-r1-[0-9a-f]{8}$/],
    ['core switch 1', /^core-switch-1-[0-9a-f]{8}$/],
    ['Zürich-rtr', /^Zurich-rtr-[0-9a-f]{8}$/],
    ['東京', /^device-[0-9a-f]{8}$/],
    ['.hidden', /^hidden-[0-9a-f]{8}$/],
    ['-leading-dash', /^leading-dash-[0-9a-f]{8}$/],
    ['a..b', /^a\.b-[0-9a-f]{8}$/],
    ['line\nbreak', /^line-break-[0-9a-f]{8}$/],
  ])('makes %j safe', (name, expected) => {
    const stem = deviceFileStem(name);
    expect(stem).toMatch(expected);
    expect(stem).toMatch(SAFE);
    expect(stem).not.toContain('..');
  });

  it('gives names that sanitise alike different stems', () => {
    const stems = ['core/1', 'core 1', 'core:1', 'core\\1', 'core-1'].map(deviceFileStem);
    expect(new Set(stems).size).toBe(5);
    expect(stems).toContain('core-1');
  });

  it('bounds the length', () => {
    const stem = deviceFileStem(`${'x'.repeat(500)}/y`);
    expect(stem.length).toBeLessThanOrEqual(80 + 9);
    expect(deviceFileStem('y'.repeat(500)).length).toBeLessThanOrEqual(80 + 9);
  });
});

describe('deviceFilePaths', () => {
  it('offers the stem, then the stem with a hash of the device id, then numbered ones', () => {
    const paths = deviceFilePaths('r1', 'device-7');
    const first = [paths.next().value, paths.next().value, paths.next().value];
    expect(first[0]).toBe('configs/r1.cfg');
    expect(first[1]).toMatch(/^configs\/r1-[0-9a-f]{8}\.cfg$/);
    expect(first[2]).toMatch(/^configs\/r1-[0-9a-f]{8}-2\.cfg$/);
    expect(first.every((path) => isConfigFilePath(path as string))).toBe(true);
  });
});
