import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InventoryTestApp, type Caller } from './testing/inventory-test-app';
import { ALL_SECRETS, SECRETS } from './testing/test-secrets';

type Needed = 'viewer' | 'operator' | 'admin' | 'service';

interface Ids {
  device: string;
  site: string;
  credential: string;
}

interface Endpoint {
  method: string;
  path: (ids: Ids) => string;
  needs: Needed;
  body?: (caller: Caller) => unknown;
  contentType?: string;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Every inventory endpoint with the least role it needs; bodies are valid, deletes aim at nothing. */
const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: () => '/api/v1/devices', needs: 'viewer' },
  { method: 'POST', path: () => '/api/v1/devices', needs: 'operator', body: (caller) => ({ name: `by-${caller}`, host: '192.0.2.9', platform: 'ios' }) },
  { method: 'GET', path: (ids) => `/api/v1/devices/${ids.device}`, needs: 'viewer' },
  { method: 'PATCH', path: (ids) => `/api/v1/devices/${ids.device}`, needs: 'operator', body: (caller) => ({ notes: `patched by ${caller}` }) },
  { method: 'DELETE', path: () => `/api/v1/devices/${UNKNOWN_ID}`, needs: 'operator' },
  { method: 'POST', path: () => '/api/v1/devices/import?format=csv&dryRun=true', needs: 'operator', body: () => 'name,host,platform\nplanned,10.0.0.9,ios\n', contentType: 'text/csv' },
  { method: 'GET', path: () => '/api/v1/devices/export?format=csv', needs: 'viewer' },
  { method: 'GET', path: () => '/api/v1/sites', needs: 'viewer' },
  { method: 'POST', path: () => '/api/v1/sites', needs: 'operator', body: (caller) => ({ name: `site-${caller}` }) },
  { method: 'GET', path: (ids) => `/api/v1/sites/${ids.site}`, needs: 'viewer' },
  { method: 'PATCH', path: (ids) => `/api/v1/sites/${ids.site}`, needs: 'operator', body: (caller) => ({ description: caller }) },
  { method: 'DELETE', path: () => `/api/v1/sites/${UNKNOWN_ID}`, needs: 'operator' },
  { method: 'GET', path: () => '/api/v1/credentials', needs: 'admin' },
  { method: 'POST', path: () => '/api/v1/credentials', needs: 'admin', body: (caller) => ({ name: `cred-${caller}`, username: 'u', password: SECRETS.password }) },
  { method: 'GET', path: (ids) => `/api/v1/credentials/${ids.credential}`, needs: 'admin' },
  { method: 'PATCH', path: (ids) => `/api/v1/credentials/${ids.credential}`, needs: 'admin', body: () => ({ enableSecret: SECRETS.enableSecret }) },
  { method: 'DELETE', path: () => `/api/v1/credentials/${UNKNOWN_ID}`, needs: 'admin' },
  { method: 'GET', path: (ids) => `/api/v1/internal/devices/${ids.device}/connection`, needs: 'service' },
  { method: 'PATCH', path: (ids) => `/api/v1/internal/devices/${ids.device}/facts`, needs: 'service', body: () => ({ model: 'C9300' }) },
];

const CALLERS: Caller[] = ['anonymous', 'viewer', 'operator', 'admin', 'service'];
const RANK = { viewer: 1, operator: 2, admin: 3 } as const;

/** The rule under test: people rank viewer < operator < admin; the service token reads and calls internal endpoints, nothing else. */
function expectedStatus(caller: Caller, needs: Needed): 'allowed' | 401 | 403 {
  if (caller === 'anonymous') return 401;
  if (needs === 'service') return caller === 'service' ? 'allowed' : 403;
  if (caller === 'service') return needs === 'viewer' ? 'allowed' : 403;
  return RANK[caller] >= RANK[needs] ? 'allowed' : 403;
}

const MATRIX = ENDPOINTS.flatMap((endpoint) =>
  CALLERS.map((caller) => ({ ...endpoint, caller, expected: expectedStatus(caller, endpoint.needs), label: `${endpoint.method} ${endpoint.path({ device: ':id', site: ':id', credential: ':id' })}` })),
);

describe.each(['sqlite', 'postgres'] as const)('role matrix on %s', (kind) => {
  let t: InventoryTestApp;
  let ids: Ids;

  beforeAll(async () => {
    t = await InventoryTestApp.start(kind);
    const site = await t.call('POST', '/api/v1/sites', { body: { name: 'dc1' } });
    const credential = await t.call('POST', '/api/v1/credentials', { as: 'admin', body: { name: 'noc', username: 'netops', password: SECRETS.password } });
    const device = await t.call('POST', '/api/v1/devices', { body: { name: 'r1', host: '10.0.0.1', platform: 'ios', site: 'dc1', credentialId: credential.body.id } });
    ids = { device: device.body.id, site: site.body.id, credential: credential.body.id };
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(MATRIX)('$label as $caller → $expected', async ({ method, path, body, contentType, caller, expected }) => {
    const response = await t.call(method, path(ids), {
      as: caller,
      body: body?.(caller),
      headers: contentType ? { 'content-type': contentType } : undefined,
    });
    if (expected === 'allowed') {
      expect([401, 403], JSON.stringify(response.body)).not.toContain(response.status);
      expect(response.status).toBeLessThan(method === 'DELETE' ? 405 : 300);
    } else {
      expect(response.status).toBe(expected);
      expect(response.body.message).toMatch(expected === 401 ? /Missing bearer token/ : /needs the \w+ role|for netkeep services only/);
    }
  });

  it('serves the OpenAPI document with every inventory route and the import media types', async () => {
    const response = await t.call('GET', '/api/docs/json', { as: 'anonymous' });
    expect(response.status).toBe(200);
    const paths = Object.keys(response.body.paths);
    for (const route of [
      '/api/v1/devices',
      '/api/v1/devices/{id}',
      '/api/v1/devices/import',
      '/api/v1/devices/export',
      '/api/v1/sites',
      '/api/v1/sites/{id}',
      '/api/v1/credentials',
      '/api/v1/credentials/{id}',
      '/api/v1/internal/devices/{id}/connection',
      '/api/v1/internal/devices/{id}/facts',
    ]) {
      expect(paths).toContain(route);
    }
    const importBody = response.body.paths['/api/v1/devices/import'].post.requestBody.content;
    expect(Object.keys(importBody)).toEqual(['text/csv', 'application/yaml', 'application/json', 'text/plain']);
    const listParameters = response.body.paths['/api/v1/devices'].get.parameters.map((p: { name: string }) => p.name);
    expect(listParameters).toEqual(expect.arrayContaining(['site', 'role', 'platform', 'tag', 'enabled', 'q', 'limit', 'offset', 'ordering']));
    expect(response.body.components.schemas.CreateCredentialDto.properties.password.writeOnly).toBe(true);
  });

  it('returned no secret outside the connection endpoint and wrote none to a log line', () => {
    expect(t.leaks(ALL_SECRETS)).toEqual([]);
  });
});
