import { describe, expect, it, vi } from 'vitest';
import { ApiClient, fillPath, queryString } from './api-client';
import { ApiError } from './api-error';

describe('the API client', () => {
  it('fills path parameters encoded, slashes of interface names included', () => {
    expect(fillPath('/api/v1/telemetry/devices/{id}/interfaces/{ifName}/history', { id: 'd1', ifName: 'Gi1/0/1' })).toBe('/api/v1/telemetry/devices/d1/interfaces/Gi1%2F0%2F1/history');
    expect(() => fillPath('/api/v1/devices/{id}', {})).toThrow('missing path parameter id');
  });

  it('writes lists as repeated keys and leaves empty values out', () => {
    expect(queryString({ tag: ['core', 'edge'], site: '', q: undefined, enabled: false, limit: 50 })).toBe('?tag=core&tag=edge&enabled=false&limit=50');
    expect(queryString({})).toBe('');
  });

  it('sends the bearer token and a JSON body, and returns the JSON answer', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ id: 'run-1' }), { status: 202 }));
    const api = new ApiClient('nk_secret', { fetch });
    const run = await api.post('/api/v1/backups', { body: { deviceIds: ['d1'] } });
    expect(run).toEqual({ id: 'run-1' });
    expect(fetch).toHaveBeenCalledWith('/api/v1/backups', expect.objectContaining({ method: 'POST', body: '{"deviceIds":["d1"]}', headers: expect.objectContaining({ authorization: 'Bearer nk_secret', 'content-type': 'application/json' }) }));
  });

  it("throws the API's own message and field problems", async () => {
    const body = { statusCode: 400, error: 'Bad Request', message: 'Validation failed: cron', errors: [{ field: 'cron', problems: ['cron must have 5 or 6 fields'] }] };
    const api = new ApiClient('t', { fetch: async () => new Response(JSON.stringify(body), { status: 400 }) });
    const failure = await api.post('/api/v1/backup-policies', { body: { name: 'x', cron: 'never' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, message: 'Validation failed: cron', fieldProblems: body.errors });
  });

  it('ends the session on 401 with the reason, and says when the platform cannot be reached', async () => {
    const onUnauthorized = vi.fn();
    const revoked = { statusCode: 401, error: 'Unauthorized', message: 'Token "ci" was revoked at 2026-11-27T05:00:00.000Z; ask an admin for a new one' };
    const api = new ApiClient('t', { onUnauthorized, fetch: async () => new Response(JSON.stringify(revoked), { status: 401 }) });
    await expect(api.get('/api/v1/devices')).rejects.toThrow(revoked.message);
    expect(onUnauthorized).toHaveBeenCalledWith(expect.objectContaining({ status: 401, message: revoked.message }));

    const offline = new ApiClient('t', { fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(offline.get('/api/v1/devices')).rejects.toThrow('Cannot reach the netkeep API (Failed to fetch); check that the platform is running');
  });

  it('reads a non-JSON error (a proxy page) as status and text', async () => {
    const api = new ApiClient('t', { fetch: async () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }) });
    await expect(api.get('/api/v1/devices')).rejects.toThrow('The server answered 502 Bad Gateway: <html>Bad Gateway</html>');
  });
});
