import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app';

/** A port nothing listens on: bound, read and released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('health and metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers /healthz without a token', async () => {
    const response = await t.request('GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers /readyz when the database and Redis answer', async () => {
    const response = await t.request('GET', '/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready', checks: { database: 'up', redis: 'up' } });
  });

  it('serves Prometheus text with netkeep_ metrics, labelled by route pattern, never by raw URL', async () => {
    const admin = t.adminToken;
    await t.request('GET', '/api/v1/tokens', { token: admin });
    await t.request('DELETE', '/api/v1/tokens/11111111-2222-4333-8444-555555555555', { token: admin });
    await t.request('GET', '/no/such/route/abc123');
    const response = await fetch(`${t.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    expect(text).toContain('# TYPE netkeep_http_request_duration_seconds histogram');
    expect(text).toMatch(/netkeep_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/tokens",status="200"\} 1/);
    expect(text).toMatch(/netkeep_http_request_duration_seconds_count\{method="DELETE",route="\/api\/v1\/tokens\/:id",status="404"\} 1/);
    expect(text).toMatch(/netkeep_http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} 1/);
    expect(text).toContain('netkeep_process_cpu_user_seconds_total');
    expect(text).not.toContain('11111111-2222');
    expect(text).not.toContain('abc123');
    expect(text.split('\n').filter((line) => line.startsWith('# TYPE ')).every((line) => line.startsWith('# TYPE netkeep_'))).toBe(true);
  });
});

describe('readiness with Redis down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` } });
  });
  afterAll(() => t?.close());

  it('answers 503 naming Redis, while /healthz stays 200 and another app in the process keeps its own metrics', async () => {
    const response = await t.request('GET', '/readyz');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      status: 'not ready',
      checks: { database: 'up', redis: 'down' },
      message: expect.stringMatching(/^Not ready: redis is down \(/),
    });
    expect((await t.request('GET', '/healthz')).status).toBe(200);
    expect((await fetch(`${t.url}/metrics`)).status).toBe(200);
  });
});
