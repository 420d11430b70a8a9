import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './routes';

describe('the console routes', () => {
  it('reads every page from the hash, with its query', () => {
    expect(parseRoute('')).toMatchObject({ page: 'devices' });
    expect(parseRoute('#/devices?platform=ios')).toMatchObject({ page: 'devices' });
    expect(parseRoute('#/devices?platform=ios').query.get('platform')).toBe('ios');
    expect(parseRoute('#/devices/d1')).toMatchObject({ page: 'device', deviceId: 'd1', tab: 'overview' });
    expect(parseRoute('#/devices/d1/diff?from=1&to=2')).toMatchObject({ page: 'device', deviceId: 'd1', tab: 'diff' });
    expect(parseRoute('#/runs/r1')).toMatchObject({ page: 'run', runId: 'r1' });
    expect(parseRoute('#/search?pattern=ntp')).toMatchObject({ page: 'search' });
    expect(parseRoute('#/admin')).toMatchObject({ page: 'admin' });
    expect(parseRoute('#/devices/d1/nonsense')).toMatchObject({ page: 'not-found', path: '/devices/d1/nonsense' });
  });

  it('writes links that it reads back', () => {
    const link = href.device('d 1', 'config', { line: 12, find: 'ntp server', version: undefined });
    expect(link).toBe('#/devices/d%201/config?line=12&find=ntp+server');
    expect(parseRoute(link)).toMatchObject({ page: 'device', deviceId: 'd 1', tab: 'config' });
    expect(href.device('d1')).toBe('#/devices/d1');
    expect(href.devices({ q: '', site: 'dc1' })).toBe('#/devices?site=dc1');
  });
});
