import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseClusterPlan } from '../plan/parse-cluster-plan';
import { renderK3sConfig } from './k3s-config-file';

const PLAN = `
cluster:
  name: lab
  apiAddress: k3s.lab.example
  tlsSan: [10.0.0.1]
  disable: [servicelb]
  datastore: { type: etcd }
  serverConfig: { flannel-backend: vxlan }
  agentConfig: { kubelet-arg: [max-pods=50] }
nodes:
  - { name: s1, role: server, address: 10.0.0.1, labels: { zone: a } }
  - { name: s2, role: server, address: 10.0.0.2 }
  - { name: s3, role: server, address: 10.0.0.3 }
  - { name: a1, role: agent, address: 10.0.0.4, taints: ["dedicated=netkeep:NoSchedule"], config: { node-name: edge-1 } }
`;
const plan = parseClusterPlan(PLAN, '/plans/lab.yaml', { homeDir: '/h' });
const secrets = { clusterToken: 'plain-token', joinToken: 'K10abc::server:plain-token' };

function rendered(index: number) {
  return renderK3sConfig(plan, plan.nodes[index] as (typeof plan.nodes)[0], secrets);
}

describe('renderK3sConfig', () => {
  it('starts embedded etcd on the first server with the plan token, SANs and disabled components', () => {
    expect(parse(rendered(0).text)).toEqual({
      token: 'plain-token',
      'tls-san': ['k3s.lab.example', '10.0.0.1'],
      'cluster-init': true,
      disable: ['servicelb'],
      'write-kubeconfig-mode': '0600',
      'node-label': ['zone=a'],
      'flannel-backend': 'vxlan',
    });
  });

  it('joins the other servers and the agents to the first server with its verifiable token', () => {
    expect(parse(rendered(1).text)).toMatchObject({ server: 'https://10.0.0.1:6443', token: 'K10abc::server:plain-token', 'tls-san': ['k3s.lab.example', '10.0.0.1'] });
    expect(parse(rendered(1).text)['cluster-init']).toBeUndefined();
    expect(parse(rendered(3).text)).toEqual({
      server: 'https://10.0.0.1:6443',
      token: 'K10abc::server:plain-token',
      'node-taint': ['dedicated=netkeep:NoSchedule'],
      'kubelet-arg': ['max-pods=50'],
      'node-name': 'edge-1',
    });
  });

  it('renders the same bytes every time and redacts secrets for display', () => {
    expect(rendered(3).text).toBe(rendered(3).text);
    expect(rendered(3).display).not.toContain('plain-token');
    expect(parse(rendered(3).display).token).toBe('<redacted>');
    expect(rendered(0).text).toMatch(/^# Written by the netkeep installer from \/plans\/lab.yaml/);
  });
});
