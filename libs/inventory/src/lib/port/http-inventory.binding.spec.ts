import type { InventoryPort } from '@netkeep/contracts';
import { loadConfig, type NetkeepConfig } from '@netkeep/core';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVENTORY_OVER_HTTP } from './http-inventory.binding';

describe('the inventory binding of cluster services', () => {
  it('reaches the inventory named by NETKEEP_INVENTORY_URL with the service token', async () => {
    const serviceToken = randomBytes(32).toString('base64url');
    let seen: { url?: string; authorization?: string } = {};
    const server = createServer((request, response) => {
      seen = { url: request.url, authorization: request.headers.authorization };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: 0, next: null, previous: null, results: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const config = loadConfig(
      { NETKEEP_LOG_LEVEL: 'silent', NETKEEP_DATA_DIR: join(tmpdir(), 'netkeep-unused'), NETKEEP_INVENTORY_URL: `http://127.0.0.1:${port}`, NETKEEP_SERVICE_TOKEN: serviceToken },
      { mode: 'embedded' },
    );
    const binding: { useFactory: (config: NetkeepConfig) => InventoryPort } = INVENTORY_OVER_HTTP;
    expect(await binding.useFactory(config).selectDevices({ site: 'dc1' })).toEqual([]);
    await new Promise((resolve) => server.close(resolve));
    expect(seen.url).toMatch(/^\/api\/v1\/devices\?.*site=dc1/);
    expect(seen.authorization).toBe(`Bearer ${serviceToken}`);
  });
});
