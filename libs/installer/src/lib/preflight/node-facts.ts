import type { NodeShell } from '../remote/node-shell';

/** A socket the node listens on. */
export interface ListeningPort {
  protocol: 'tcp' | 'udp';
  port: number;
}

/** What preflight learns about a node, read without changing anything. */
export interface NodeFacts {
  hostname: string;
  osId: string;
  osName: string;
  kernel: string;
  /** `uname -m`: x86_64, aarch64, armv7l, s390x… */
  arch: string;
  cpuCount: number;
  /** MemTotal, or the container's memory limit when that is lower. */
  memoryMb: number;
  /** Free space where K3S keeps its data (/var/lib). */
  diskFreeMb: number;
  swapMb: number;
  listening: ListeningPort[];
  cgroupVersion: 1 | 2;
  memoryController: boolean;
  /** systemctl is what the install script and the installer drive the service with. */
  hasSystemd: boolean;
  /** Node clock minus this machine's clock, at the middle of the round trip. */
  clockOffsetMs: number;
}

/** One read-only shell script, one round trip: `key=value` lines, then the listening sockets. */
const PROBE_SCRIPT = [
  'echo "hostname=$(hostname)"',
  'if [ -r /etc/os-release ]; then . /etc/os-release; fi; echo "os_id=${ID:-unknown}"; echo "os_name=${PRETTY_NAME:-unknown}"',
  'echo "kernel=$(uname -r)"; echo "arch=$(uname -m)"',
  'echo "cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)"',
  `awk '/^MemTotal:/{print "mem_kb="$2} /^SwapTotal:/{print "swap_kb="$2}' /proc/meminfo`,
  // A container's limit, where the node is one: v2 at the root of its cgroup view, v1 in the memory hierarchy.
  'echo "mem_limit=$(cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null)"',
  `echo "disk_kb=$(df -Pk /var/lib 2>/dev/null | awk 'NR==2{print $4}')"`,
  'if [ -f /sys/fs/cgroup/cgroup.controllers ]; then echo cgroup=2; echo "memory_controller=$(grep -qw memory /sys/fs/cgroup/cgroup.controllers && echo yes || echo no)";',
  `else echo cgroup=1; echo "memory_controller=$(awk '$1=="memory"{print ($4=="1")?"yes":"no"}' /proc/cgroups)"; fi`,
  'echo "systemd=$(command -v systemctl >/dev/null 2>&1 && echo yes || echo no)"',
  'echo "now_ns=$(date +%s%N)"',
  'echo "--- listening"',
  'ss -ltnuH 2>/dev/null',
].join('\n');

export async function probeNodeFacts(shell: NodeShell): Promise<NodeFacts> {
  const sentAt = Date.now();
  const result = await shell.run({ purpose: 'read the system facts preflight checks', script: PROBE_SCRIPT, root: false, readOnly: true, timeoutMs: 30_000 });
  const receivedAt = Date.now();
  return parseNodeFacts(result.stdout, (sentAt + receivedAt) / 2);
}

export function parseNodeFacts(output: string, localMidpointMs: number): NodeFacts {
  const [head = '', listeningText = ''] = output.split('--- listening\n');
  const values = new Map(
    head
      .split('\n')
      .map((line) => /^([a-z_]+)=(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => Boolean(match))
      .map((match) => [match[1] as string, match[2] as string]),
  );
  const number = (key: string) => Number(values.get(key) ?? NaN);
  const memTotalMb = Math.floor(number('mem_kb') / 1024);
  const limitBytes = Number(values.get('mem_limit'));
  // "max" or a v1 "unlimited" (close to 2^63) is no limit.
  const limitMb = Number.isFinite(limitBytes) && limitBytes > 0 && limitBytes < 2 ** 60 ? Math.floor(limitBytes / 1024 / 1024) : Infinity;
  const nowNs = values.get('now_ns') ?? '';
  return {
    hostname: values.get('hostname') ?? '',
    osId: values.get('os_id') ?? 'unknown',
    osName: values.get('os_name') ?? 'unknown',
    kernel: values.get('kernel') ?? '',
    arch: values.get('arch') ?? '',
    cpuCount: number('cpus'),
    memoryMb: Math.min(memTotalMb, limitMb),
    diskFreeMb: Math.floor(number('disk_kb') / 1024),
    swapMb: Math.floor(number('swap_kb') / 1024),
    listening: parseListening(listeningText),
    cgroupVersion: values.get('cgroup') === '2' ? 2 : 1,
    memoryController: values.get('memory_controller') === 'yes',
    hasSystemd: values.get('systemd') === 'yes',
    clockOffsetMs: /^\d+$/.test(nowNs) ? Number(BigInt(nowNs) / 1_000_000n) - localMidpointMs : 0,
  };
}

/** `ss -ltnuH` lines: `tcp LISTEN 0 4096 0.0.0.0:6443 0.0.0.0:*`. */
function parseListening(text: string): ListeningPort[] {
  const ports: ListeningPort[] = [];
  for (const line of text.split('\n')) {
    const columns = line.trim().split(/\s+/);
    const protocol = columns[0];
    const local = columns[4];
    if ((protocol !== 'tcp' && protocol !== 'udp') || !local) continue;
    const port = Number(local.slice(local.lastIndexOf(':') + 1));
    if (Number.isInteger(port)) ports.push({ protocol, port });
  }
  return ports;
}
