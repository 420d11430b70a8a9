import { startFakeKubeApiServer, type FakeKubeApiServer } from '@netkeep/testing';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterDown } from '../lib/cluster/cluster-down';
import { clusterUp, UpFailedError } from '../lib/cluster/cluster-up';
import { loadClusterPlan } from '../lib/plan/parse-cluster-plan';
import { PreflightFailedError } from '../lib/preflight/preflight-failed.error';
import { CommandJournal } from '../lib/remote/command-journal';
import { canBuildNetnsLab } from '../testing/host-commands';
import { InstallerLab, type PlanMember } from '../testing/installer-lab';
import { STAND_IN_VERSION, sha256Of } from '../testing/k3s-stand-in-bundle';
import type { LabNode } from '../testing/netns-lab';

const available = canBuildNetnsLab();
const OVERLAY = resolve(__dirname, '../../../../k8s/overlays/k3s');

/**
 * The installer against real OpenSSH servers in network namespaces, with K3S replaced by the
 * stand-ins of src/testing/k3s-stand-in. The tests of the lifecycle run in order on one cluster:
 * install, re-run, grow, survive a dropped node, tear down.
 */
describe.skipIf(!available.ok)(`cluster lifecycle over SSH in network namespaces${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  let fake: FakeKubeApiServer;
  let lab: InstallerLab;
  let server: LabNode;
  let agent1: LabNode;
  let agent2: LabNode;
  let members: PlanMember[];
  /** Every run of the lifecycle deploys netkeep: re-running must find that unchanged too. */
  let netkeep: Record<string, unknown>;

  beforeAll(async () => {
    fake = await startFakeKubeApiServer();
    lab = await InstallerLab.start(fake);
    server = await lab.lab.addNode('k3s-server-1');
    agent1 = await lab.lab.addNode('k3s-agent-1');
    agent2 = await lab.lab.addNode('k3s-agent-2');
    const archives = resolve(lab.workDir, 'netkeep-images');
    await mkdir(archives, { recursive: true });
    await writeFile(resolve(archives, 'inventory.tar'), 'stand-in OCI archive of netkeep/inventory\n');
    netkeep = { netkeep: { deploy: true, overlay: OVERLAY, imageArchives: archives, rolloutTimeoutSeconds: 30 } };
    members = [
      { node: server, role: 'server', extra: { labels: { 'netkeep.dev/zone': 'a' } } },
      { node: agent1, role: 'agent' },
      { node: agent2, role: 'agent', extra: { taints: ['dedicated=netkeep:NoSchedule'] } },
    ];
  });

  afterAll(async () => {
    await lab?.stop();
    await fake?.close();
  });

  async function up(planName: string, planMembers: readonly PlanMember[], options: { overrides?: Record<string, unknown>; journal?: CommandJournal } = {}) {
    const plan = loadClusterPlan(await lab.writePlan(planName, planMembers, { ...netkeep, ...options.overrides }), { homeDir: lab.homeDir });
    return clusterUp({ plan, environment: lab.environment(), journal: options.journal ?? new CommandJournal(), serverReadyTimeoutMs: 20_000, nodesReadyTimeoutMs: 20_000 });
  }

  it('preflight fails for the right reasons on every node at once, and changes nothing', async () => {
    const small = await lab.lab.addNode('small-1');
    const busy = await lab.lab.addNode('busy-1');
    await busy.listen(10250, 'tcp');
    await busy.listen(8472, 'udp');
    const plan = loadClusterPlan(await lab.writePlan('preflight', [{ node: small, role: 'server' }, { node: busy, role: 'agent' }]), { homeDir: lab.homeDir });
    const journal = new CommandJournal();
    const failure = await clusterUp({ plan, environment: lab.environment(), journal, probedFactOverrides: { 'small-1': { memoryMb: 256 } } }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(PreflightFailedError);
    const failures = (failure as PreflightFailedError).findings.filter((finding) => finding.severity === 'failure');
    expect(failures.map((finding) => `${finding.node}: ${finding.problem}`)).toEqual([
      'small-1: 256 MB of memory, K3S needs at least 512 MB',
      'busy-1: port 10250/tcp (the kubelet) is already in use',
      'busy-1: port 8472/udp (flannel VXLAN) is already in use',
    ]);
    expect((failure as Error).message).toMatch(/small-1:\n.*memory.*\n\s+fix: give the machine/);
    expect(journal.entries.every((entry) => entry.readOnly)).toBe(true);
    expect(await small.exists('/etc/rancher/k3s/config.yaml')).toBe(false);
    expect(existsSync(lab.tokenFile)).toBe(false);
    await Promise.all([small.stop(), busy.stop()]);
  });

  it('installs the first server, joins the agents air-gapped, merges the kubeconfig and waits for Ready', async () => {
    const result = await up('lifecycle', members);

    expect(result.nodes.map((node) => `${node.node}:${node.action}:${node.ready}:${node.kubeletVersion}`)).toEqual([
      `k3s-server-1:install:true:${STAND_IN_VERSION}`,
      `k3s-agent-1:install:true:${STAND_IN_VERSION}`,
      `k3s-agent-2:install:true:${STAND_IN_VERSION}`,
    ]);
    expect(result.upToDate).toBe(false);
    expect(result.steps.map((step) => `${step.step}:${step.outcome}`)).toEqual([
      'connect:done',
      'preflight:done',
      'first server:done',
      'join:done',
      'kubeconfig:done',
      'nodes ready:done',
      'netkeep images:done',
      'deploy netkeep:done',
    ]);
  });

  it('uploads arrive with the right checksums and modes', async () => {
    const { sha256, files } = lab.bundle;
    for (const node of [server, agent1, agent2]) {
      const placed = [
        ['/usr/local/bin/k3s', sha256.binary, 0o755],
        [`/var/lib/rancher/k3s/agent/images/${files.images.split('/').pop()}`, sha256.images, 0o644],
        ['/usr/local/bin/k3s-install.sh', sha256.installScript, 0o755],
      ] as const;
      for (const [path, expectedSha, expectedMode] of placed) {
        expect({ node: node.name, path, sha: await sha256Of(node.file(path)), mode: statSync(node.file(path)).mode & 0o777 }).toEqual({ node: node.name, path, sha: expectedSha, mode: expectedMode });
      }
      expect(statSync(node.file('/etc/rancher/k3s/config.yaml')).mode & 0o777).toBe(0o600);
      expect(await node.standInLog('ctr-imports.log')).toContain('/var/lib/rancher/k3s/agent/images/inventory.tar');
    }
    const agentConfig = parse(await agent2.readFile('/etc/rancher/k3s/config.yaml'));
    expect(agentConfig).toMatchObject({ server: `https://${server.address}:6443`, 'node-taint': ['dedicated=netkeep:NoSchedule'] });
    expect(agentConfig.token).toMatch(/^K10[0-9a-f]{64}::server:/);
    const serverConfig = parse(await server.readFile('/etc/rancher/k3s/config.yaml'));
    expect(serverConfig).toMatchObject({ 'tls-san': [server.address], 'node-label': ['netkeep.dev/zone=a'], 'write-kubeconfig-mode': '0600' });
    expect(serverConfig.token).toBe(readFileSync(lab.tokenFile, 'utf8').trim());
    expect(statSync(lab.tokenFile).mode & 0o777).toBe(0o600);
  });

  it('invokes the install script as root with the air-gap environment, then starts the service', async () => {
    const calls = await server.standInLog('install-calls.log');
    expect(calls).toContain('--- call uid=0');
    expect(calls.split('\n')).toEqual(
      expect.arrayContaining(['INSTALL_K3S_EXEC=server', 'INSTALL_K3S_SKIP_DOWNLOAD=true', 'INSTALL_K3S_SKIP_START=true', `INSTALL_K3S_VERSION=${STAND_IN_VERSION}`]),
    );
    expect(calls).not.toMatch(/K3S_TOKEN|K3S_URL/);
    expect(await agent1.standInLog('install-calls.log')).toContain('INSTALL_K3S_EXEC=agent');
    expect((await server.standInLog('systemctl-calls.log')).split('\n')).toEqual(expect.arrayContaining(['daemon-reload', 'enable k3s', 'start k3s']));
    expect(await agent1.standInLog('systemctl-calls.log')).toContain('start k3s-agent');
  });

  it('merges the cluster into the kubeconfig as a named context pointing at the server', async () => {
    const kubeconfig = parse(readFileSync(lab.kubeconfigFile, 'utf8'));
    expect(kubeconfig['current-context']).toBe('lab');
    expect(kubeconfig.clusters).toEqual([{ name: 'lab', cluster: { 'insecure-skip-tls-verify': true, server: `http://${server.address}:6443` } }]);
    expect(kubeconfig.contexts).toEqual([{ name: 'lab', context: { cluster: 'lab', user: 'lab' } }]);
    expect([...lab.api.nodes.keys()].sort()).toEqual(['k3s-agent-1', 'k3s-agent-2', 'k3s-server-1']);
    expect(fake.list('apps/v1', 'Deployment', 'netkeep').length).toBeGreaterThan(0);
  });

  it('a second up on the healthy cluster changes nothing and says so', async () => {
    const installCalls = await server.standInLog('install-calls.log');
    const journal = new CommandJournal();
    const started = Date.now();
    const result = await up('lifecycle', members, { journal });
    expect(result.upToDate).toBe(true);
    expect(result.nodes.every((node) => node.action === 'none')).toBe(true);
    expect(journal.changes()).toEqual([]);
    expect(result.kubeconfigChange).toBe('unchanged');
    expect(result.deploy?.changedCount).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await server.standInLog('install-calls.log')).toBe(installCalls);
  });

  it('an agent added to the plan joins, and nothing else changes', async () => {
    const agent3 = await lab.lab.addNode('k3s-agent-3');
    members.push({ node: agent3, role: 'agent' });
    const journal = new CommandJournal();
    const result = await up('lifecycle', members, { journal });
    expect(result.nodes.map((node) => `${node.node}:${node.action}`)).toEqual(['k3s-server-1:none', 'k3s-agent-1:none', 'k3s-agent-2:none', 'k3s-agent-3:install']);
    expect(new Set(journal.changes().map((entry) => entry.node))).toEqual(new Set(['k3s-agent-3']));
    expect(result.nodes.every((node) => node.ready)).toBe(true);
  });

  it('a node that drops mid-install fails alone with a clear message, and the next up resumes it', async () => {
    const agent4 = await lab.lab.addNode('k3s-agent-4');
    members.push({ node: agent4, role: 'agent' });
    await agent4.dropConnectionDuringNextInstall();
    const failure = await up('lifecycle', members).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpFailedError);
    const { result } = failure as UpFailedError;
    expect(result.failures).toEqual([{ node: 'k3s-agent-4', step: 'install script', message: 'k3s-agent-4: the SSH connection was lost' }]);
    expect((failure as Error).message).toContain('Run `installer up` again to resume');
    expect(result.nodes.filter((node) => node.ready).map((node) => node.node)).toEqual(['k3s-server-1', 'k3s-agent-1', 'k3s-agent-2', 'k3s-agent-3']);

    const resumed = await up('lifecycle', members);
    expect(resumed.nodes.filter((node) => node.action !== 'none').map((node) => `${node.node}:${node.action}`)).toEqual(['k3s-agent-4:install']);
    expect(resumed.nodes.every((node) => node.ready)).toBe(true);
  });

  it('down runs the uninstall scripts, agents before servers, and removes the context', async () => {
    const plan = loadClusterPlan(await lab.writePlan('lifecycle', members, netkeep), { homeDir: lab.homeDir });
    const result = await clusterDown({ plan, environment: lab.environment() });
    expect(result.nodes.every((node) => node.outcome === 'uninstalled')).toBe(true);
    const uninstalledAt = async (node: LabNode) => Number(/at=(\d+)/.exec(await node.standInLog('uninstall-calls.log'))?.[1]);
    const agentTimes = await Promise.all(members.filter((member) => member.role === 'agent').map((member) => uninstalledAt(member.node)));
    expect(await server.standInLog('uninstall-calls.log')).toContain('--- uninstall k3s uid=0');
    expect(await agent1.standInLog('uninstall-calls.log')).toContain('--- uninstall k3s-agent uid=0');
    expect(Math.max(...agentTimes)).toBeLessThan(await uninstalledAt(server));
    for (const member of members) {
      expect(await member.node.exists('/usr/local/bin/k3s')).toBe(false);
      expect(await member.node.exists('/etc/rancher/k3s/config.yaml')).toBe(false);
    }
    expect(parse(readFileSync(lab.kubeconfigFile, 'utf8')).contexts).toEqual([]);
    const again = await clusterDown({ plan, environment: lab.environment() });
    expect(again.nodes.every((node) => node.outcome === 'not-installed')).toBe(true);
  });
});
