import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeKubeApiServer, type FakeKubeApiServer } from './fake-kube-api-server';

describe('the fake Kubernetes API server', () => {
  let fake: FakeKubeApiServer;
  const call = (method: string, path: string, body?: unknown, contentType = 'application/json') =>
    fetch(`${fake.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${fake.token}`, ...(body ? { 'content-type': contentType } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const configMap = (name: string, labels: Record<string, string>, data: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'default', ...(Object.keys(labels).length ? { labels } : {}) },
    data,
  });

  beforeEach(async () => {
    fake = await startFakeKubeApiServer();
  });

  afterEach(async () => {
    await fake.close();
  });

  it('serves discovery for the core group and Traefik', async () => {
    const core = (await (await call('GET', '/api/v1')).json()) as { resources: { kind: string; name: string; namespaced: boolean }[] };
    expect(core.resources).toContainEqual(expect.objectContaining({ kind: 'Secret', name: 'secrets', namespaced: true }));
    const traefik = (await (await call('GET', '/apis/traefik.io/v1alpha1')).json()) as { resources: { kind: string }[] };
    expect(traefik.resources.map((resource) => resource.kind)).toContain('Middleware');
    expect((await call('GET', '/apis/example.com/v1')).status).toBe(404);
  });

  it('lists by label selector and answers 404 for what does not exist', async () => {
    fake.applyAs('test', configMap('a', { tier: 'api' }, {}));
    fake.applyAs('test', configMap('b', { tier: 'db' }, {}));

    const list = (await (await call('GET', '/api/v1/namespaces/default/configmaps?labelSelector=tier%20in%20(api,web)')).json()) as { items: { metadata: { name: string } }[] };

    expect(list.items.map((item) => item.metadata.name)).toEqual(['a']);
    expect((await call('GET', '/api/v1/namespaces/default/configmaps/missing')).status).toBe(404);
  });

  it('refuses objects in a namespace that does not exist, and patches other than server-side apply', async () => {
    const orphan = { ...configMap('c', {}, {}), metadata: { name: 'c', namespace: 'nowhere' } };
    const missingNamespace = await call('PATCH', '/api/v1/namespaces/nowhere/configmaps/c?fieldManager=test', orphan, 'application/apply-patch+yaml');
    expect(missingNamespace.status).toBe(404);
    expect(((await missingNamespace.json()) as { message: string }).message).toBe('namespaces "nowhere" not found');
    expect((await call('PATCH', '/api/v1/namespaces/default/configmaps/c', orphan, 'application/merge-patch+json')).status).toBe(415);
  });

  it('bumps the resourceVersion only for a real change and records the field manager', async () => {
    const first = fake.applyAs('deployer', configMap('d', {}, { level: 'info' }));
    const again = fake.applyAs('deployer', configMap('d', {}, { level: 'info' }));
    const changed = fake.applyAs('deployer', configMap('d', {}, { level: 'debug' }));

    expect(again.metadata['resourceVersion']).toBe(first.metadata['resourceVersion']);
    expect(Number(changed.metadata['resourceVersion'])).toBeGreaterThan(Number(first.metadata['resourceVersion']));
    expect(changed.metadata['managedFields']).toEqual([
      expect.objectContaining({ manager: 'deployer', operation: 'Apply', fieldsV1: { 'f:data': { 'f:level': {} } } }),
    ]);
  });

  it('streams a watch: the current state first, then each change, as JSON lines', async () => {
    fake.applyAs('test', configMap('e', {}, { n: '1' }));
    const response = await call('GET', '/api/v1/namespaces/default/configmaps?watch=1&fieldSelector=metadata.name%3De');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const events: { type: string; object: { data: Record<string, string> } }[] = [];
    let buffered = '';
    const readEvents = async (count: number) => {
      while (events.length < count) {
        const { value } = await reader.read();
        buffered += new TextDecoder().decode(value);
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.filter(Boolean).forEach((line) => events.push(JSON.parse(line)));
      }
    };

    await readEvents(1);
    fake.applyAs('test', configMap('e', {}, { n: '2' }));
    fake.applyAs('test', configMap('other', {}, { n: '9' }));
    await readEvents(2);
    await reader.cancel();

    expect(events.map((event) => `${event.type} ${event.object.data['n']}`)).toEqual(['ADDED 1', 'MODIFIED 2']);
  });

  it('refuses a request without its bearer token', async () => {
    expect((await fetch(`${fake.url}/api/v1`)).status).toBe(401);
  });
});
