import { describe, expect, it } from 'vitest';
import { parseClusterPlan } from '../plan/parse-cluster-plan';
import type { NodeFacts } from './node-facts';
import { checkCluster, checkNode, type NodeCheckInput } from './preflight-checks';

const plan = parseClusterPlan(
  'cluster:\n  name: lab\n  datastore: { type: etcd }\nnodes:\n  - { name: s1, role: server, address: 10.0.0.1 }\n  - { name: a1, role: agent, address: 10.0.0.2 }\n',
  '/p.yaml',
  { homeDir: '/h' },
);

const healthy: NodeFacts = {
  hostname: 'node',
  osId: 'ubuntu',
  osName: 'Ubuntu 24.04',
  kernel: '6.8',
  arch: 'aarch64',
  cpuCount: 4,
  memoryMb: 4096,
  diskFreeMb: 20_000,
  swapMb: 0,
  listening: [{ protocol: 'tcp', port: 22 }],
  cgroupVersion: 2,
  memoryController: true,
  hasSystemd: true,
  clockOffsetMs: 0,
};

function input(index: number, facts: Partial<NodeFacts>, k3sInstalled = false): NodeCheckInput {
  return { node: plan.nodes[index] as NodeCheckInput['node'], facts: { ...healthy, hostname: `host-${index}`, ...facts }, cluster: plan.cluster, k3sInstalled };
}

describe('preflight checks', () => {
  it('passes a healthy node', () => {
    expect(checkNode(input(0, {}))).toEqual([]);
  });

  it('lists every failure of a node at once, each with a fix', () => {
    const findings = checkNode(
      input(0, {
        arch: 'mips',
        memoryMb: 256,
        diskFreeMb: 100,
        memoryController: false,
        hasSystemd: false,
        listening: [{ protocol: 'tcp', port: 6443 }, { protocol: 'udp', port: 8472 }, { protocol: 'tcp', port: 2380 }],
      }),
    );
    expect(findings.filter((finding) => finding.severity === 'failure').map((finding) => finding.check)).toEqual([
      'architecture',
      'init system',
      'memory',
      'disk',
      'cgroups',
      'ports',
      'ports',
      'ports',
    ]);
    expect(findings.every((finding) => finding.fix.length > 10)).toBe(true);
    expect(findings.find((finding) => finding.check === 'memory')?.problem).toBe('256 MB of memory, K3S needs at least 512 MB');
  });

  it('checks etcd ports on servers only, and no ports where K3S already runs', () => {
    const busy = [{ protocol: 'tcp' as const, port: 2379 }];
    expect(checkNode(input(1, { listening: busy }))).toEqual([]);
    expect(checkNode(input(0, { listening: busy })).map((finding) => finding.problem)).toEqual(['port 2379/tcp (etcd clients) is already in use']);
    expect(checkNode(input(0, { listening: [{ protocol: 'tcp', port: 6443 }] }, true))).toEqual([]);
  });

  it('warns about swap, cgroup v1 and a small server', () => {
    const warnings = checkNode(input(0, { swapMb: 512, cgroupVersion: 1, memoryMb: 1024 }));
    expect(warnings.map((finding) => `${finding.severity}:${finding.check}`)).toEqual(['warning:memory', 'warning:cgroups', 'warning:swap']);
  });

  it('finds nodes that would register under one name, and clocks that disagree', () => {
    const findings = checkCluster([input(0, { hostname: 'same' }), input(1, { hostname: 'Same', clockOffsetMs: 5000 })]);
    expect(findings.map((finding) => `${finding.node}:${finding.check}`)).toEqual(['s1:hostname', 'a1:hostname', 'a1:clock']);
    expect(findings[2]?.problem).toBe("clock is 5.0 s ahead of s1's");
  });
});
