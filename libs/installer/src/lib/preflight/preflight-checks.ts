import { kubernetesNodeName, type ClusterSettings, type PlanNode } from '../plan/cluster-plan';
import type { NodeFacts } from './node-facts';

/** One problem found before anything changes: a failure stops `up`, a warning is printed. */
export interface PreflightFinding {
  node: string;
  check: string;
  severity: 'failure' | 'warning';
  problem: string;
  fix: string;
}

export interface NodeCheckInput {
  node: PlanNode;
  facts: NodeFacts;
  cluster: ClusterSettings;
  /** K3S already runs here: its own sockets hold the ports. */
  k3sInstalled: boolean;
}

interface NodeCheck {
  check: string;
  evaluate(input: NodeCheckInput): Omit<PreflightFinding, 'node' | 'check'>[];
}

/** K3S's minimum (docs/installation/requirements.md): 1 core and 512 MB for an agent. */
export const MIN_CPUS = 1;
export const MIN_MEMORY_MB = 512;
export const RECOMMENDED_SERVER_MEMORY_MB = 2048;
/** Room for the binary, the images K3S imports and containerd's snapshots. */
export const MIN_DISK_FREE_MB = 2048;
export const MAX_CLOCK_SKEW_MS = 2000;

/** The architectures K3S releases binaries for, as `uname -m` names them. */
const K3S_ARCHES: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64', arm64: 'arm64', armv7l: 'armhf', s390x: 's390x' };
/** Distributions K3S's install script and docs cover. */
const KNOWN_OS = ['debian', 'ubuntu', 'raspbian', 'rhel', 'centos', 'rocky', 'almalinux', 'ol', 'fedora', 'sles', 'sle-micro', 'opensuse-leap', 'opensuse-tumbleweed', 'arch', 'amzn'];

interface RequiredPort {
  protocol: 'tcp' | 'udp';
  port: number;
  purpose: string;
  applies(input: NodeCheckInput): boolean;
}

const REQUIRED_PORTS: RequiredPort[] = [
  { protocol: 'tcp', port: 6443, purpose: 'the Kubernetes API and K3S supervisor', applies: ({ node }) => node.role === 'server' },
  { protocol: 'tcp', port: 10250, purpose: 'the kubelet', applies: () => true },
  { protocol: 'udp', port: 8472, purpose: 'flannel VXLAN', applies: ({ cluster }) => [undefined, 'vxlan'].includes(cluster.serverConfig['flannel-backend'] as string | undefined) },
  { protocol: 'tcp', port: 2379, purpose: 'etcd clients', applies: ({ node, cluster }) => node.role === 'server' && cluster.datastore.type === 'etcd' },
  { protocol: 'tcp', port: 2380, purpose: 'etcd peers', applies: ({ node, cluster }) => node.role === 'server' && cluster.datastore.type === 'etcd' },
];

const NODE_CHECKS: NodeCheck[] = [
  {
    check: 'architecture',
    evaluate: ({ facts }) =>
      K3S_ARCHES[facts.arch] ? [] : [{ severity: 'failure', problem: `architecture ${facts.arch || 'unknown'} has no K3S release`, fix: `use an x86_64, aarch64, armv7l or s390x machine` }],
  },
  {
    check: 'os',
    evaluate: ({ facts }) =>
      KNOWN_OS.includes(facts.osId)
        ? []
        : [{ severity: 'warning', problem: `${facts.osName} (${facts.osId}) is not a distribution K3S documents`, fix: 'K3S usually works on any modern Linux; prefer Debian, Ubuntu, RHEL-family or SUSE' }],
  },
  {
    check: 'init system',
    evaluate: ({ facts }) =>
      facts.hasSystemd ? [] : [{ severity: 'failure', problem: 'no systemctl: the installer runs K3S as a systemd service', fix: 'use a distribution with systemd (OpenRC is not supported by this installer)' }],
  },
  {
    check: 'cpu',
    evaluate: ({ facts }) =>
      facts.cpuCount >= MIN_CPUS ? [] : [{ severity: 'failure', problem: `${facts.cpuCount} CPUs`, fix: `give the machine at least ${MIN_CPUS} CPU` }],
  },
  {
    check: 'memory',
    evaluate: ({ facts, node }) => {
      if (facts.memoryMb < MIN_MEMORY_MB) {
        return [{ severity: 'failure', problem: `${facts.memoryMb} MB of memory, K3S needs at least ${MIN_MEMORY_MB} MB`, fix: `give the machine (or its container limit) at least ${MIN_MEMORY_MB} MB` }];
      }
      if (node.role === 'server' && facts.memoryMb < RECOMMENDED_SERVER_MEMORY_MB) {
        return [{ severity: 'warning', problem: `${facts.memoryMb} MB of memory on a server`, fix: `K3S recommends ${RECOMMENDED_SERVER_MEMORY_MB} MB for a server; expect little room for workloads` }];
      }
      return [];
    },
  },
  {
    check: 'disk',
    evaluate: ({ facts }) =>
      facts.diskFreeMb >= MIN_DISK_FREE_MB
        ? []
        : [{ severity: 'failure', problem: `${facts.diskFreeMb} MB free under /var/lib`, fix: `free at least ${MIN_DISK_FREE_MB} MB under /var/lib (K3S keeps images and data in /var/lib/rancher)` }],
  },
  {
    check: 'cgroups',
    evaluate: ({ facts }) => {
      if (!facts.memoryController) {
        return [{
          severity: 'failure',
          problem: `the memory cgroup controller is not enabled (cgroup v${facts.cgroupVersion})`,
          fix: 'add cgroup_memory=1 cgroup_enable=memory to the kernel command line (/boot/firmware/cmdline.txt on a Raspberry Pi) and reboot',
        }];
      }
      if (facts.cgroupVersion === 1) {
        return [{ severity: 'warning', problem: 'cgroup v1: Kubernetes keeps it in maintenance mode and newer kubelets refuse it', fix: 'boot with the unified hierarchy (systemd.unified_cgroup_hierarchy=1)' }];
      }
      return [];
    },
  },
  {
    check: 'swap',
    evaluate: ({ facts }) =>
      facts.swapMb > 0 ? [{ severity: 'warning', problem: `${facts.swapMb} MB of swap is on`, fix: 'the kubelet accounts memory without swap; turn it off (swapoff -a and remove it from /etc/fstab) for predictable evictions' }] : [],
  },
  {
    check: 'ports',
    evaluate: (input) => {
      if (input.k3sInstalled) return [];
      return REQUIRED_PORTS.filter((required) => required.applies(input))
        .filter((required) => input.facts.listening.some((open) => open.protocol === required.protocol && open.port === required.port))
        .map((required) => ({
          severity: 'failure' as const,
          problem: `port ${required.port}/${required.protocol} (${required.purpose}) is already in use`,
          fix: `stop what listens there (sudo ss -lpn 'sport = :${required.port}' shows it) before installing K3S`,
        }));
    },
  },
];

export function checkNode(input: NodeCheckInput): PreflightFinding[] {
  return NODE_CHECKS.flatMap((rule) => rule.evaluate(input).map((finding) => ({ node: input.node.name, check: rule.check, ...finding })));
}

/** Rules about the nodes together: Kubernetes node names must differ, clocks must agree. */
export function checkCluster(inputs: readonly NodeCheckInput[]): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  const byName = new Map<string, string[]>();
  for (const { node, facts } of inputs) {
    const name = kubernetesNodeName(node, facts.hostname);
    byName.set(name, [...(byName.get(name) ?? []), node.name]);
  }
  for (const [name, nodes] of byName) {
    if (nodes.length < 2) continue;
    for (const node of nodes) {
      findings.push({
        node,
        check: 'hostname',
        severity: 'failure',
        problem: `nodes ${nodes.join(', ')} would all register as "${name}"`,
        fix: 'give each machine its own hostname (hostnamectl set-hostname) or set config: { node-name: <unique> } on the node in the plan',
      });
    }
  }
  if (inputs.length > 1) {
    const offsets = inputs.map(({ node, facts }) => ({ node: node.name, offset: facts.clockOffsetMs }));
    const earliest = offsets.reduce((a, b) => (b.offset < a.offset ? b : a));
    const latest = offsets.reduce((a, b) => (b.offset > a.offset ? b : a));
    const skewMs = latest.offset - earliest.offset;
    if (skewMs > MAX_CLOCK_SKEW_MS) {
      findings.push({
        node: latest.node,
        check: 'clock',
        severity: 'failure',
        problem: `clock is ${(skewMs / 1000).toFixed(1)} s ahead of ${earliest.node}'s`,
        fix: 'synchronise the clocks of every node (timedatectl set-ntp true, or chrony) — certificates and etcd depend on it',
      });
    }
  }
  return findings;
}

export function k3sArch(unameMachine: string): string | undefined {
  return K3S_ARCHES[unameMachine];
}
