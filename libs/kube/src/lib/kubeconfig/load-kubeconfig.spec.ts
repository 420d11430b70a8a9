import { startFakeKubeApiServer, type FakeKubeApiServer } from '@netkeep/testing';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeApiClient } from '../api/kube-api-client';
import { KubeApiError, KubeApiUnreachableError } from '../api/kube-api-error';
import { KubeconfigError } from './kubeconfig-error';
import { loadKubeconfig } from './load-kubeconfig';

function loadError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the kubeconfig to be refused');
}

describe('loadKubeconfig', () => {
  let fake: FakeKubeApiServer;
  let dir: string;

  beforeAll(async () => {
    fake = await startFakeKubeApiServer();
    dir = await mkdtemp(join(tmpdir(), 'netkeep-kubeconfig-'));
  });

  afterAll(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  it('loads an explicit file with its current context', async () => {
    const loaded = loadKubeconfig({ path: await fake.writeKubeconfig(dir) });
    expect(loaded).toMatchObject({ context: 'fake-kube', server: fake.url });
  });

  it('says in one line that an explicit file does not exist', () => {
    const error = loadError(() => loadKubeconfig({ path: join(dir, 'missing.yaml') }));
    expect(error).toBeInstanceOf(KubeconfigError);
    expect(error.message).toBe(`kubeconfig ${join(dir, 'missing.yaml')} does not exist`);
  });

  it('says where it looked when there is no kubeconfig anywhere', () => {
    const error = loadError(() => loadKubeconfig({ env: {}, homeDir: join(dir, 'nobody') }));
    expect(error.message).toBe(`no kubeconfig: ${join(dir, 'nobody', '.kube', 'config')} does not exist and KUBECONFIG is not set (pass --kubeconfig)`);
  });

  it('reports broken YAML in one line', async () => {
    const path = await file('broken.yaml', 'clusters:\n  - name: a\n   cluster: [\n');
    const error = loadError(() => loadKubeconfig({ path }));
    expect(error).toBeInstanceOf(KubeconfigError);
    expect(error.message).toMatch(new RegExp(`^kubeconfig ${path} is not valid YAML: .+`));
    expect(error.message).not.toContain('\n');
  });

  it('reports an empty file as no kubeconfig', async () => {
    const path = await file('empty.yaml', '');
    expect(loadError(() => loadKubeconfig({ path })).message).toBe(
      `kubeconfig ${path} is not a kubeconfig (expected a mapping with clusters, users and contexts)`,
    );
  });

  it('reports a cluster without a server', async () => {
    const path = await file('no-server.yaml', 'clusters:\n  - name: a\n    cluster: {}\ncontexts: []\nusers: []\n');
    expect(loadError(() => loadKubeconfig({ path })).message).toBe(`kubeconfig ${path} is invalid: clusters[0].cluster.server is missing`);
  });

  it('names the contexts there are when the requested one is not among them', async () => {
    const path = await fake.writeKubeconfig(dir);
    expect(loadError(() => loadKubeconfig({ path, context: 'production' })).message).toBe(`context "production" is not in ${path} (available: fake-kube)`);
  });

  it('refuses a kubeconfig without a current context unless one is named', async () => {
    const path = await file('no-current.yaml', fake.kubeconfig().replace(/^current-context:.*$/m, ''));
    expect(loadError(() => loadKubeconfig({ path })).message).toBe(`${path} sets no current-context (pass --context; available: fake-kube)`);
    expect(loadKubeconfig({ path, context: 'fake-kube' }).context).toBe('fake-kube');
  });

  it('reports a certificate file that is not there', async () => {
    const text = fake.kubeconfig().replace('insecure-skip-tls-verify: true', 'certificate-authority: ca.crt').replace('http://', 'https://');
    const path = await file('missing-ca.yaml', text);
    expect(loadError(() => loadKubeconfig({ path })).message).toBe(`certificate-authority ${join(dir, 'ca.crt')} named by ${path} does not exist`);
  });

  it('merges the files of KUBECONFIG, the first current-context winning', async () => {
    const first = await file('first.yaml', fake.kubeconfig({ context: 'first' }));
    const second = await file('second.yaml', fake.kubeconfig({ context: 'second' }).replace(/fake-kube-(cluster|user)/g, 'other-$1'));
    const loaded = loadKubeconfig({ env: { KUBECONFIG: `${first}:${second}` } });
    expect(loaded.context).toBe('first');
    expect(loadKubeconfig({ env: { KUBECONFIG: `${first}:${second}` }, context: 'second' }).context).toBe('second');
  });

  it('turns an API server that does not answer into one line', async () => {
    const path = await file('closed-port.yaml', fake.kubeconfig().replace(fake.url, 'http://127.0.0.1:9'));
    const client = new KubeApiClient(loadKubeconfig({ path }));
    const error = await client.get({ apiVersion: 'v1', kind: 'Namespace', name: 'default' }).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(KubeApiUnreachableError);
    expect((error as Error).message).toBe('cannot reach the Kubernetes API at http://127.0.0.1:9: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('turns refused credentials into one line', async () => {
    const path = await file('wrong-token.yaml', fake.kubeconfig().replace(fake.token, 'stolen-token'));
    const client = new KubeApiClient(loadKubeconfig({ path }));
    const error = await client.get({ apiVersion: 'v1', kind: 'Namespace', name: 'default' }).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(KubeApiError);
    expect((error as Error).message).toBe(
      'discover v1: the API server refused the credentials of the kubeconfig (expired token or certificate?) (401 Unauthorized)',
    );
  });
});
