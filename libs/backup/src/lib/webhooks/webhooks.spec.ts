import type { WebhookDto, WebhookPayload } from '@netkeep/contracts';
import { DeviceLab } from '@netkeep/device-lab';
import { LabInventoryPort } from '@netkeep/testing';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupTestApp, waitFor, type BackupTestApp } from '../testing/backup-test-app';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

interface Received {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  status: number;
}

/** A webhook receiver: answers 500 to the first delivery of each id, 200 afterwards, and keeps everything it got. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const seen = new Set<string>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const delivery = String(request.headers['x-netkeep-delivery']);
      const status = seen.has(delivery) ? 200 : 500;
      seen.add(delivery);
      received.push({ headers: request.headers, raw: Buffer.concat(chunks), status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks/netkeep?token=abc`, received, server };
}

const SECRET = 'a-webhook-secret-of-32-characters';

describe('webhooks', () => {
  let lab: DeviceLab;
  let inventory: LabInventoryPort;
  let app: BackupTestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 3, addressing: 'ports', port: 0, platforms: ['cisco_ios', 'juniper_junos', 'arista_eos'] });
    inventory = new LabInventoryPort(lab.inventory().devices);
    receiver = await startReceiver();
    app = await startBackupTestApp({ inventory, settings: { webhookBackoffMs: 100 } });
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => receiver?.server.close(resolve));
    await lab?.stop();
  });

  it('are managed by admins only, and never give their secret back', async () => {
    const body = { url: receiver.url, secret: SECRET, events: ['config.changed'] };
    expect((await app.request('POST', '/api/v1/webhooks', { token: app.operatorToken, body })).status).toBe(403);
    expect((await app.request('GET', '/api/v1/webhooks', { token: await app.tokenFor('viewer') })).status).toBe(403);
    const bad = await app.request('POST', '/api/v1/webhooks', { token: app.adminToken, body: { url: 'ftp://x', secret: 'short', events: ['nope'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['events', 'secret', 'url']);

    const created = await app.request<WebhookDto>('POST', '/api/v1/webhooks', { token: app.adminToken, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: receiver.url, events: ['config.changed'], enabled: true });
    const listed = await app.request('GET', '/api/v1/webhooks', { token: app.adminToken });
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
    expect(JSON.stringify(created.body)).not.toContain(SECRET);
    const stored = await app.database.db.selectFrom('backup_webhooks').select('secret_sealed').executeTakeFirstOrThrow();
    expect(stored.secret_sealed).not.toContain(SECRET);
    await app.request('POST', '/api/v1/webhooks', { token: app.adminToken, body: { url: receiver.url, secret: SECRET, events: ['backup.failed'] } });
  });

  it('deliver a signed config.changed with device, run, summary and diff, retried after a 500', async () => {
    await app.waitForRun((await app.startRun({ selector: {} })).id);
    const firstVersions = receiver.received.length;
    const name = lab.fleet.list()[0]!.identity.name;
    lab.fleet.changeConfig(name, { addLines: ['ip domain name changed.example'] });
    const run = await app.waitForRun((await app.startRun({ selector: {} })).id);

    const deliveries = await waitFor('the retried delivery', () => {
      const forRun = receiver.received.slice(firstVersions).filter((request) => (JSON.parse(request.raw.toString()) as WebhookPayload).run.id === run.id);
      return forRun.length >= 2 && forRun;
    });
    expect(deliveries.map((delivery) => delivery.status)).toEqual([500, 200]);
    expect(deliveries[0]!.headers['x-netkeep-delivery']).toBe(deliveries[1]!.headers['x-netkeep-delivery']);
    for (const delivery of deliveries) {
      expect(delivery.headers['x-netkeep-event']).toBe('config.changed');
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(verifyWebhookSignature(delivery.raw, delivery.headers['x-netkeep-signature'], SECRET)).toBe(true);
      expect(verifyWebhookSignature(delivery.raw, delivery.headers['x-netkeep-signature'], `${SECRET}x`)).toBe(false);
      expect(verifyWebhookSignature(Buffer.concat([delivery.raw, Buffer.from(' ')]), delivery.headers['x-netkeep-signature'], SECRET)).toBe(false);
    }
    const payload = JSON.parse(deliveries[1]!.raw.toString()) as WebhookPayload;
    expect(payload).toMatchObject({
      event: 'config.changed',
      deliveryId: deliveries[1]!.headers['x-netkeep-delivery'],
      device: { id: inventory.idOf(name), name },
      run: { id: run.id, trigger: 'manual' },
      version: { revision: 2, previousId: expect.any(String), commit: expect.stringMatching(/^[0-9a-f]{40}$/) },
      summary: expect.any(String),
    });
    expect(payload.diff).toContain('+ip domain name changed.example');
  });

  it('announce a device that could not be backed up as backup.failed', async () => {
    const name = lab.fleet.list()[1]!.identity.name;
    lab.fleet.setFaults(name, ['auth-fail']);
    const run = await app.waitForRun((await app.startRun({ deviceIds: [inventory.idOf(name)] })).id);
    const delivered = await waitFor('the backup.failed delivery', () =>
      receiver.received.find((request) => request.status === 200 && request.headers['x-netkeep-event'] === 'backup.failed'),
    );
    expect(JSON.parse(delivered.raw.toString())).toMatchObject({ event: 'backup.failed', run: { id: run.id }, device: { name }, error: { phase: 'auth', attempts: 1 } });
  });
});

describe('verifyWebhookSignature', () => {
  it('accepts exactly sha256=<hex of HMAC-SHA256(body, secret)>', () => {
    const body = '{"event":"config.changed"}';
    const header = signWebhookBody(body, 'secret');
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(body, header, 'secret')).toBe(true);
    expect(verifyWebhookSignature(body, header.toUpperCase().replace('SHA256=', 'sha256='), 'secret')).toBe(true);
    expect(verifyWebhookSignature(body, [header], 'secret')).toBe(true);
    for (const bad of [undefined, '', 'sha1=abc', header.slice(0, -2), `${header}00`]) expect(verifyWebhookSignature(body, bad, 'secret')).toBe(false);
  });
});
