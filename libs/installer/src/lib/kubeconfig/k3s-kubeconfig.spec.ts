import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { adaptK3sKubeconfig, kubeconfigText } from './k3s-kubeconfig';
import { mergeIntoKubeconfig, removeFromKubeconfig } from './merge-kubeconfig';

/** What K3S writes to /etc/rancher/k3s/k3s.yaml. */
const K3S_YAML = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: Q0EtREFUQQ==
    server: https://127.0.0.1:6443
  name: default
contexts:
- context:
    cluster: default
    user: default
  name: default
current-context: default
kind: Config
preferences: {}
users:
- name: default
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
`;

const adapted = adaptK3sKubeconfig(K3S_YAML, { name: 'lab', apiHost: '10.0.0.1', source: 'k3s.yaml' });

describe('the K3S kubeconfig', () => {
  it('is renamed and pointed at the API address structurally, credentials untouched', () => {
    expect(parse(kubeconfigText(adapted))).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'lab', cluster: { 'certificate-authority-data': 'Q0EtREFUQQ==', server: 'https://10.0.0.1:6443' } }],
      users: [{ name: 'lab', user: { 'client-certificate-data': 'Q0VSVA==', 'client-key-data': 'S0VZ' } }],
      contexts: [{ name: 'lab', context: { cluster: 'lab', user: 'lab' } }],
      'current-context': 'lab',
    });
    const v6 = adaptK3sKubeconfig(K3S_YAML, { name: 'lab', apiHost: 'fd00::1', source: 'k3s.yaml' });
    expect((v6.clusters[0]?.['cluster'] as { server: string }).server).toBe('https://[fd00::1]:6443');
  });

  it('merges into an existing kubeconfig without touching other clusters or the current context', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkeep-kubeconfig-'));
    const file = join(dir, 'config');
    writeFileSync(file, 'apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster: { server: "https://prod:6443" }\ncontexts:\n- name: prod\n  context: { cluster: prod, user: prod }\nusers:\n- name: prod\n  user: { token: t }\ncurrent-context: prod\n');
    expect(await mergeIntoKubeconfig(file, adapted, { setCurrentContext: false, write: true })).toBe('updated');
    const merged = parse(readFileSync(file, 'utf8'));
    expect(merged.contexts.map((context: { name: string }) => context.name)).toEqual(['prod', 'lab']);
    expect(merged['current-context']).toBe('prod');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await mergeIntoKubeconfig(file, adapted, { setCurrentContext: false, write: true })).toBe('unchanged');
    expect(await removeFromKubeconfig(file, 'lab', { write: true })).toBe(true);
    expect(parse(readFileSync(file, 'utf8')).clusters).toEqual([{ name: 'prod', cluster: { server: 'https://prod:6443' } }]);
  });

  it('creates the kubeconfig with the cluster as current context when there is none', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'netkeep-kubeconfig-')), '.kube', 'config');
    expect(await mergeIntoKubeconfig(file, adapted, { setCurrentContext: false, write: true })).toBe('created');
    expect(parse(readFileSync(file, 'utf8'))['current-context']).toBe('lab');
  });
});
