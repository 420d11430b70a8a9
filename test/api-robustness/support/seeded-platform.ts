import { ConfigArchive } from '@netkeep/backup';
import { startTestApp, type TestApp, type TestDatabaseKind } from '@netkeep/core';
import { PollSchedules } from '@netkeep/telemetry';
import Redis from 'ioredis';
import { join } from 'node:path';
import { platformDomains } from '../../support/platform-domains';
import type { FuzzResponse } from './fuzz-report';
import { apiOperations, type ApiOperation, type OpenApiDocument } from './openapi-operations';
import type { GeneratedRequest } from './request-parts';
import { COLLECTION_LISTS, COLLECTIONS, ResourcePools, type PooledItem } from './resource-pools';
import { StoreObserver, type StoreSnapshot } from './store-snapshot';

/** The token NETKEEP_ADMIN_TOKEN is stored under: the suite's own, never revoked by a generated request. */
const SUITE_TOKEN_NAME = 'admin (NETKEEP_ADMIN_TOKEN)';
const SETTLE_TIMEOUT_MS = 3_000;

/**
 * The embedded platform in-process (every domain, real SQLite or PostgreSQL and Redis), seeded
 * with sites, credentials, devices, archived versions, a policy, a webhook and a run, so that
 * generated requests meet real data. SSH workers and pollers are off: their outcomes would
 * change the store between two snapshots; the API, validation and persistence are the same code.
 */
export class SeededPlatform {
  readonly pools = new ResourcePools();

  private constructor(
    readonly app: TestApp,
    readonly operations: ApiOperation[],
    readonly store: StoreObserver,
    private readonly redis: Redis,
  ) {
    this.pools.protectedTokenNames.add(SUITE_TOKEN_NAME);
  }

  static async start(database: TestDatabaseKind): Promise<SeededPlatform> {
    // Schedules follow the inventory when settle() asks, not on a timer of their own in the middle of a batch.
    const app = await startTestApp({ database, domains: platformDomains({ backup: { role: 'api' }, telemetry: { role: 'api', syncSeconds: 86_400 } }) });
    const document = (await app.request<OpenApiDocument>('GET', '/api/docs/json')).body;
    const redis = new Redis(app.config.redisUrl, { maxRetriesPerRequest: 1 });
    const store = new StoreObserver(app.database.db, redis, app.config.redisPrefix, join(app.config.dataDir, 'configs.git'));
    const target = new SeededPlatform(app, apiOperations(document), store, redis);
    await target.seed();
    await target.refreshPools();
    return target;
  }

  /**
   * Sends a generated request with the Authorization header given, or by default with a token
   * that may call the operation (the service token for internal ones).
   */
  async send(request: GeneratedRequest, authorization?: string | null): Promise<FuzzResponse> {
    const token = request.operation.path.startsWith('/api/v1/internal/') ? this.app.serviceToken : this.app.adminToken;
    const headers: Record<string, string> = {};
    const header = authorization === undefined ? `Bearer ${token}` : authorization;
    if (header !== null) headers['authorization'] = header;
    if (request.contentType !== undefined) headers['content-type'] = request.contentType;
    const response = await fetch(`${this.app.url}${request.url}`, { method: request.method, headers, body: request.body });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text(), headers: response.headers };
  }

  /** Re-reads every collection, so the next requests name what exists now. */
  async refreshPools(): Promise<void> {
    for (const collection of COLLECTIONS) {
      const { path, items } = COLLECTION_LISTS[collection];
      const response = await this.app.request('GET', path, { token: this.app.adminToken });
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
      this.pools.replace(collection, (response.body[items] as PooledItem[]).map(({ id, name, enabled, deviceCount }) => ({ id, name, enabled, deviceCount })));
    }
  }

  /**
   * The store once it has stopped changing: what valid requests set off in the background has
   * landed. Telemetry follows inventory changes half a second late; its sync is run here instead.
   */
  async settle(): Promise<StoreSnapshot> {
    await this.app.app.get(PollSchedules).sync();
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let previous = await this.store.capture();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const current = await this.store.capture();
      if (StoreObserver.differences(previous, current).length === 0 || Date.now() > deadline) return current;
      previous = current;
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.app.close();
  }

  private async call(method: string, path: string, body?: unknown): Promise<{ id: string; name?: string }> {
    const response = await this.app.request(method, path, { token: this.app.adminToken, body });
    if (response.status >= 300) throw new Error(`seeding: ${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  private async seed(): Promise<void> {
    for (const name of ['dc1', 'dc2', 'Zürich Lab']) await this.call('POST', '/api/v1/sites', { name, description: `site ${name}` });
    const credentials = [];
    for (const name of ['noc', 'readonly']) credentials.push(await this.call('POST', '/api/v1/credentials', { name, username: 'netops', password: `seed-${name}-password`, enableSecret: `seed-${name}-enable` }));
    const devices = [];
    for (let index = 1; index <= 8; index++) {
      devices.push(
        await this.call('POST', '/api/v1/devices', {
          name: `seed-r${index}`,
          host: `192.0.2.${index}`,
          platform: index % 2 === 0 ? 'junos' : 'ios',
          site: index <= 4 ? 'dc1' : 'dc2',
          tags: ['seed', index % 2 === 0 ? 'edge' : 'core'],
          credentialId: credentials[index % 2]?.id,
          snmp: index % 3 === 0 ? { version: '2c', community: `seed-community-${index}` } : undefined,
        }),
      );
    }
    const archive = this.app.app.get(ConfigArchive);
    for (const device of devices.slice(0, 3)) {
      const refs = ['latest'];
      for (let revision = 1; revision <= 3; revision++) {
        const content = `hostname ${device.name}\n!\ninterface GigabitEthernet1/0/1\n description uplink ${revision}\n!\nntp server 192.0.2.${revision}\nend\n`;
        const stored = await archive.store({ deviceId: device.id, deviceName: device.name ?? '', platform: 'cisco_ios', content, trigger: 'manual', at: new Date(Date.UTC(2026, 0, revision)) });
        refs.push(String(stored.version.revision), stored.version.id, stored.version.commit);
      }
      this.pools.versionRefs.set(device.id, refs);
    }
    await archive.flush();
    await this.call('POST', '/api/v1/backup-policies', { name: 'seed-yearly', cron: '0 3 1 1 *', selector: { tags: ['seed'] } });
    await this.call('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hooks/seed', secret: 'seed-webhook-secret-0123', events: ['config.changed', 'backup.failed'] });
    await this.call('POST', '/api/v1/backups', { deviceIds: devices.slice(0, 2).map((device) => device.id) });
    await this.call('POST', '/api/v1/tokens', { name: 'seed-viewer', role: 'viewer' });
  }
}
