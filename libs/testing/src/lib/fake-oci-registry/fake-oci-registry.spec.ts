import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOciRegistry, type FakeOciRegistry } from './fake-oci-registry';
import { sha256Digest } from './fake-oci-registry-store';

const LAYER = Buffer.from('layer bytes of a fake image');
const CONFIG = Buffer.from('{"architecture":"amd64","os":"linux"}');

describe('the fake OCI registry', () => {
  let registry: FakeOciRegistry;

  beforeEach(async () => {
    registry = await startFakeOciRegistry();
  });

  afterEach(async () => {
    await registry.close();
  });

  /** POST, one PATCH per chunk, PUT with the digest: how buildah and containerd upload. */
  async function upload(repository: string, chunks: Buffer[], digest: string): Promise<Response> {
    let location = (await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, { method: 'POST' })).headers.get('location') ?? '';
    for (const chunk of chunks) location = (await fetch(new URL(location, registry.url), { method: 'PATCH', body: chunk })).headers.get('location') ?? '';
    const url = new URL(location, registry.url);
    url.searchParams.set('digest', digest);
    return fetch(url, { method: 'PUT' });
  }

  it('answers the version check as a Distribution API v2 registry', async () => {
    const response = await fetch(`${registry.url}/v2/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('docker-distribution-api-version')).toBe('registry/2.0');
  });

  it('stores a blob uploaded in chunks under its digest, and says 404 for one it lacks', async () => {
    const digest = sha256Digest(LAYER);
    expect((await fetch(`${registry.url}/v2/netkeep/tiny/blobs/${digest}`, { method: 'HEAD' })).status).toBe(404);

    const response = await upload('netkeep/tiny', [LAYER.subarray(0, 10), LAYER.subarray(10)], digest);

    expect(response.status).toBe(201);
    expect(response.headers.get('docker-content-digest')).toBe(digest);
    expect(registry.blob('netkeep/tiny', digest)).toEqual(LAYER);
    expect((await fetch(`${registry.url}/v2/netkeep/tiny/blobs/${digest}`, { method: 'HEAD' })).status).toBe(200);
  });

  it('refuses an upload whose content does not match its digest', async () => {
    const response = await upload('netkeep/tiny', [LAYER], sha256Digest(CONFIG));

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ code: 'DIGEST_INVALID' }] });
  });

  it('stores a manifest by tag and digest once its blobs are there, and refuses it before', async () => {
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        config: { digest: sha256Digest(CONFIG), size: CONFIG.length },
        layers: [{ digest: sha256Digest(LAYER), size: LAYER.length }],
      }),
    );
    const put = () => fetch(`${registry.url}/v2/netkeep/tiny/manifests/1.0.0`, { method: 'PUT', headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }, body: manifest });
    expect((await put()).status).toBe(400);
    await upload('netkeep/tiny', [LAYER], sha256Digest(LAYER));
    await upload('netkeep/tiny', [CONFIG], sha256Digest(CONFIG));

    const response = await put();

    expect(response.status).toBe(201);
    expect(response.headers.get('docker-content-digest')).toBe(sha256Digest(manifest));
    const byDigest = await fetch(`${registry.url}/v2/netkeep/tiny/manifests/${sha256Digest(manifest)}`);
    expect(byDigest.headers.get('content-type')).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(Buffer.from(await byDigest.arrayBuffer())).toEqual(manifest);
    expect(registry.manifest('netkeep/tiny', '1.0.0')?.digest).toBe(sha256Digest(manifest));
  });

  it('challenges a request without the credentials it was given, and records who asked', async () => {
    const privateRegistry = await startFakeOciRegistry({ credentials: { username: 'ci', password: 'secret' } });
    try {
      const anonymous = await fetch(`${privateRegistry.url}/v2/`);
      const authorized = await fetch(`${privateRegistry.url}/v2/`, { headers: { Authorization: `Basic ${Buffer.from('ci:secret').toString('base64')}` } });

      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="fake-oci-registry"');
      expect(authorized.status).toBe(200);
      expect(privateRegistry.requests.map((request) => request.username)).toEqual([undefined, 'ci']);
    } finally {
      await privateRegistry.close();
    }
  });
});
