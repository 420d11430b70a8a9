import { startTestApp } from '@netkeep/core';
import { startLabProcess, type LabProcess } from '@netkeep/testing';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOperations, type OpenApiDocument } from '../api-robustness/support/openapi-operations';
import { changeLabConfig, labInventory, waitForRun, WebhookReceiver, type DeviceView, type RunView } from '../e2e/support/fleet';
import { PlatformProcess, waitFor } from '../e2e/support/platform-process';
import { platformDomains } from '../support/platform-domains';
import { readAllObjects } from './support/git-object-store';
import { LeakScanner } from './support/leak-scanner';
import { RecordingClient } from './support/recording-client';
import { redisValues } from './support/redis-values';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const run = randomBytes(3).toString('hex');

/** Secrets this suite hands the platform through the API and the environment; URL-significant characters on purpose. */
const SENTINELS = {
  'credential password': `Sentinel/Pass+word=${run}?&ok`,
  'credential enable secret': `Sentinel#Enable%41-${run}`,
  'credential private key body': `b3BlbnNzaC1rZXktdjEAAAAASentinelKey${run}`,
  'SNMPv2c community': `Sentinel-Community-${run}!`,
  'SNMPv3 auth key': `Sentinel-AuthKey-${run}$`,
  'SNMPv3 priv key': `Sentinel-PrivKey-${run}^`,
  'webhook secret': `Sentinel-Webhook-Secret-${run}*`,
  NETKEEP_SECRET_KEY: randomBytes(32).toString('base64'),
  NETKEEP_SERVICE_TOKEN: `nk_svc_${randomBytes(32).toString('base64url')}`,
};

const privateKey = (body: string) => `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----\n`;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))));
  return nested.flat();
}

describe('no secret leaves the platform: responses, logs, metrics, webhooks, the archive, the database and Redis', () => {
  let lab: LabProcess;
  let platform: PlatformProcess;
  let receiver: WebhookReceiver;
  let api: RecordingClient;
  const scanner = new LeakScanner();

  beforeAll(async () => {
    [lab, platform, receiver] = await Promise.all([
      startLabProcess(['--devices', '9', '--addressing', 'ports', '--port', '0', '--snmp-port', '0']),
      PlatformProcess.start({
        env: {
          NETKEEP_SECRET_KEY: SENTINELS.NETKEEP_SECRET_KEY,
          NETKEEP_SERVICE_TOKEN: SENTINELS.NETKEEP_SERVICE_TOKEN,
          // Everything the platform can say, said: a leak at debug level is a leak too.
          NETKEEP_LOG_LEVEL: 'debug',
          NETKEEP_BACKUP_BACKOFF_MS: '200',
          NETKEEP_WEBHOOK_BACKOFF_MS: '200',
        },
      }),
      WebhookReceiver.start(),
    ]);
    api = new RecordingClient(platform.api.baseUrl, platform.token);
    for (const [label, secret] of Object.entries(SENTINELS)) scanner.watch(label, secret);
    scanner.watch('admin token', platform.token);
    for (const device of lab.devices) {
      scanner.watch(`${device.name} password`, device.password);
      if (device.enableSecret) scanner.watch(`${device.name} enable secret`, device.enableSecret);
      scanner.watch(`${device.name} SNMP community`, device.snmp.community);
      scanner.watch(`${device.name} SNMPv3 auth key`, device.snmp.v3.authKey);
      scanner.watch(`${device.name} SNMPv3 priv key`, device.snmp.v3.privKey);
      const rendered = await lab.renderedConfig(device.name);
      rendered.secrets.forEach((secret, index) => scanner.watch(`${device.name} configuration secret ${index + 1}`, secret));
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([platform?.dispose(), lab?.stop(), receiver?.close()]);
  }, 60_000);

  it('serves, in the bundled process, exactly the operations the in-process platform of the other suites mounts', async () => {
    const inProcess = await startTestApp({ domains: platformDomains() });
    try {
      const keys = (document: OpenApiDocument) => apiOperations(document).map((operation) => operation.key).sort();
      const bundled = await api.expect<OpenApiDocument>(200, 'GET', '/api/docs/json');
      expect(keys((await inProcess.request<OpenApiDocument>('GET', '/api/docs/json')).body)).toEqual(keys(bundled));
    } finally {
      await inProcess.close();
    }
  });

  it('uses every secret in a realistic day (import, backups, a failed login, SNMPv2c and v3 polls, a change, webhooks), then finds none outside where it belongs', async () => {
    // Secrets in: a webhook, credentials, devices with SNMP settings, tokens.
    await api.expect(201, 'POST', '/api/v1/webhooks', { body: { url: receiver.url, secret: SENTINELS['webhook secret'], events: ['config.changed', 'backup.failed'] } });
    const imported = await api.expect<{ created: number }>(200, 'POST', '/api/v1/devices/import?format=lab', { body: labInventory(lab) });
    expect(imported.created).toBe(lab.devices.length);
    const credential = await api.expect<{ id: string }>(201, 'POST', '/api/v1/credentials', {
      body: { name: 'sentinel', username: 'netkeep', password: SENTINELS['credential password'], enableSecret: SENTINELS['credential enable secret'], privateKey: privateKey(SENTINELS['credential private key body']) },
    });
    const [first, second, third] = lab.devices;
    if (!first || !second || !third) throw new Error('the lab has fewer than three devices');
    // A device the lab refuses: the sentinel password and key are tried, and fail.
    await api.expect(201, 'POST', '/api/v1/devices', { body: { name: 'sentinel-login', host: first.host, port: first.port, platform: first.platform, credentialId: credential.id } });
    const withV2c = await api.expect<DeviceView>(201, 'POST', '/api/v1/devices', {
      body: { name: 'sentinel-v2c', host: second.host, port: second.port, platform: second.platform, snmp: { version: '2c', port: second.snmp.port, community: SENTINELS['SNMPv2c community'] } },
    });
    const withV3 = await api.expect<DeviceView>(201, 'POST', '/api/v1/devices', {
      body: {
        name: 'sentinel-v3',
        host: second.host,
        port: second.port,
        platform: second.platform,
        snmp: { version: '3', port: second.snmp.port, username: 'nkmon', authProtocol: 'sha', authKey: SENTINELS['SNMPv3 auth key'], privProtocol: 'aes', privKey: SENTINELS['SNMPv3 priv key'] },
      },
    });
    const devices = (await api.expect<{ results: DeviceView[] }>(200, 'GET', '/api/v1/devices?limit=1000')).results;
    const labDevice = (name: string) => devices.find((device) => device.name === name) as DeviceView;
    // The lab's own SNMPv3 user on the third device: a poll that succeeds with v3 keys in play.
    const v3Poll = labDevice(third.name);
    await api.expect(200, 'PATCH', `/api/v1/devices/${v3Poll.id}`, {
      body: { snmp: { version: '3', port: third.snmp.port, username: third.snmp.v3.user, authProtocol: 'sha', authKey: third.snmp.v3.authKey, privProtocol: 'aes', privKey: third.snmp.v3.privKey } },
    });
    const viewer = await api.expect<{ id: string; token: string }>(201, 'POST', '/api/v1/tokens', { body: { name: 'leak-viewer', role: 'viewer' }, mayCarry: ['issued viewer token'] });
    scanner.watch('issued viewer token', viewer.token);
    const revoked = await api.expect<{ id: string; token: string }>(201, 'POST', '/api/v1/tokens', { body: { name: 'leak-revoked', role: 'operator' }, mayCarry: ['issued operator token'] });
    scanner.watch('issued operator token', revoked.token);
    await api.expect(204, 'DELETE', `/api/v1/tokens/${revoked.id}`);
    expect((await api.call('GET', '/api/v1/devices', { token: revoked.token })).status).toBe(401);

    // Secrets used: every device backed up, the sentinel login refused, a change archived.
    const started = await api.expect<{ id: string }>(202, 'POST', '/api/v1/backups', { body: { selector: {} } });
    const backup = await waitForRun(platform.api, started.id);
    const results = (await api.expect<RunView>(200, 'GET', `/api/v1/backups/${started.id}`)).results ?? [];
    expect(results.filter((result) => result.status === 'succeeded').map((result) => result.deviceName).sort()).toEqual(lab.devices.map((device) => device.name).sort());
    expect(results.find((result) => result.deviceName === 'sentinel-login')).toMatchObject({ status: 'failed' });
    expect(backup.progress.total).toBe(devices.length);
    await changeLabConfig(lab, first.name, ['snmp-server location leak-scan']);
    const changed = await api.expect<{ id: string }>(202, 'POST', '/api/v1/backups', { body: { deviceIds: [labDevice(first.name).id] } });
    await waitForRun(platform.api, changed.id);

    // SNMP used: v2c and v3 with the sentinels (refused by the agent), v3 with the lab's keys (answered).
    for (const device of [withV2c, withV3, v3Poll]) await api.expect(202, 'POST', `/api/v1/telemetry/devices/${device.id}/poll`);
    const polled = await waitFor('the three polls to finish', async () => {
      const states = await Promise.all([withV2c, withV3, v3Poll].map((device) => platform.api.get<{ poll: { lastPollAt: string | null; up: boolean } }>(`/api/v1/telemetry/devices/${device.id}`)));
      return states.every((state) => state.poll.lastPollAt !== null) ? states : undefined;
    }, 30_000);
    expect(polled.map((state) => state.poll.up)).toEqual([false, false, true]);
    await waitFor('config.changed and backup.failed deliveries', async () => {
      const events = receiver.deliveries.map((delivery) => JSON.parse(delivery.raw.toString('utf8')).event as string);
      return events.filter((event) => event === 'config.changed').length > lab.devices.length && events.includes('backup.failed') ? true : undefined;
    }, 30_000);

    // Read everything there is to read: every GET of the document, with every id that exists.
    const document = await api.expect<OpenApiDocument>(200, 'GET', '/api/docs/json');
    const ids = {
      devices: (await api.expect<{ results: { id: string }[] }>(200, 'GET', '/api/v1/devices?limit=1000')).results.map((item) => item.id),
      sites: (await api.expect<{ results: { id: string }[] }>(200, 'GET', '/api/v1/sites')).results.map((item) => item.id),
      credentials: (await api.expect<{ results: { id: string }[] }>(200, 'GET', '/api/v1/credentials')).results.map((item) => item.id),
      'backup-policies': (await api.expect<{ results: { id: string }[] }>(200, 'GET', '/api/v1/backup-policies')).results.map((item) => item.id),
      backups: (await api.expect<{ results: { id: string }[] }>(200, 'GET', '/api/v1/backups')).results.map((item) => item.id),
      webhooks: (await api.expect<{ results: { id: string }[] }>(200, 'GET', '/api/v1/webhooks')).results.map((item) => item.id),
    };
    const state = await api.expect<{ interfaces: { name: string }[] }>(200, 'GET', `/api/v1/telemetry/devices/${v3Poll.id}`);
    const queries: Record<string, string[]> = {
      '/api/v1/devices/export': ['?format=csv', '?format=yaml'],
      '/api/v1/devices/{id}/configs/diff': ['?from=1&format=unified', '?from=1&format=sections'],
      '/api/v1/configs/search': ['?pattern=.&limit=1000', `?pattern=${encodeURIComponent('secret|password|community|key|snmp')}&flags=i&limit=1000`],
    };
    let reads = 0;
    for (const operation of apiOperations(document).filter((candidate) => candidate.method === 'GET')) {
      // The one endpoint that hands out decrypted secrets, to netkeep's services only (the role matrix proves who may call it).
      if (operation.path.startsWith('/api/v1/internal/')) continue;
      const collection = operation.path.split('/')[3] as keyof typeof ids;
      const paths = operation.path.includes('{id}')
        ? (ids[operation.path.startsWith('/api/v1/telemetry/') ? 'devices' : collection] ?? []).map((id) => operation.path.replace('{id}', id))
        : [operation.path];
      for (const path of paths) {
        const expanded = path.includes('{version}')
          ? [path.replace('{version}', 'latest'), path.replace('{version}', '1')]
          : path.includes('{ifName}')
            ? state.interfaces.slice(0, 3).map((entry) => path.replace('{ifName}', encodeURIComponent(entry.name)))
            : [path];
        for (const target of expanded) {
          for (const query of queries[operation.path] ?? ['']) {
            await api.call('GET', `${target}${query}`);
            reads++;
          }
        }
      }
    }
    for (const path of ['/metrics', '/healthz', '/readyz', '/api/docs', '/api/v1/auth/whoami']) await api.call('GET', path);
    expect(reads).toBeGreaterThan(100);

    // Scan what came out of it.
    for (const response of api.responses) scanner.scan(`response ${response.what}`, `${response.headers}\n\n${response.body}`, response.mayCarry);
    scanner.scan('platform log', platform.output);
    for (const [index, delivery] of receiver.deliveries.entries()) scanner.scan(`webhook delivery ${index + 1}`, Buffer.concat([Buffer.from(JSON.stringify(delivery.headers)), delivery.raw]));
    const objects = await readAllObjects(join(platform.dataDir, 'configs.git'));
    for (const object of objects) scanner.scan(`archive ${object.type} ${object.oid}`, object.content);
    const files = (await filesUnder(platform.dataDir)).filter((file) => !relative(platform.dataDir, file).startsWith('configs.git'));
    for (const file of files) scanner.scan(`data dir file ${relative(platform.dataDir, file)}`, await readFile(file));
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const values = await redisValues(redis, platform.redisPrefix).finally(() => redis.disconnect());
    for (const [key, value] of values) scanner.scan(`redis ${key}`, value);

    console.log(
      `secret scan: ${scanner.secretCount} secrets in ${scanner.coverage.sources} sources (${Math.round(scanner.coverage.bytes / 1024)} KiB): ` +
        `${api.responses.length} responses, ${platform.output.split('\n').length} log lines, ${receiver.deliveries.length} webhook deliveries, ` +
        `${objects.length} archive objects, ${files.length} data dir files, ${values.size} Redis keys`,
    );
    expect(objects.filter((object) => object.type === 'blob').length).toBeGreaterThanOrEqual(lab.devices.length + 1);
    expect(values.size).toBeGreaterThan(10);
    expect(scanner.report()).toEqual([]);
  });
});
