import { startFakeKubeApiServer, type FakeKubeApiServer } from '@netkeep/testing';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterStatus } from '../lib/cluster/cluster-status';
import { clusterUp } from '../lib/cluster/cluster-up';
import { formatJournal, formatUpSummary } from '../lib/cluster/run-report';
import { loadClusterPlan } from '../lib/plan/parse-cluster-plan';
import { PreflightFailedError } from '../lib/preflight/preflight-failed.error';
import { LineProgress } from '../lib/progress/line-progress';
import { CommandJournal } from '../lib/remote/command-journal';
import { SshConnection } from '../lib/ssh/ssh-connection';
import { canBuildNetnsLab } from '../testing/host-commands';
import { InstallerLab } from '../testing/installer-lab';
import { serveInstallScript, STAND_IN_CHANNEL_VERSION } from '../testing/k3s-stand-in-bundle';

const available = canBuildNetnsLab();

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How the installer reaches nodes (jump hosts, ~/.ssh/config, sudo with a password) and what a dry run shows. One cluster per test. */
describe.skipIf(!available.ok)(`reaching nodes over SSH in network namespaces${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
  let fake: FakeKubeApiServer;
  let lab: InstallerLab;

  beforeAll(async () => {
    fake = await startFakeKubeApiServer();
    lab = await InstallerLab.start(fake);
  });

  afterAll(async () => {
    await lab?.stop();
    await fake?.close();
  });

  const timeouts = { serverReadyTimeoutMs: 20_000, nodesReadyTimeoutMs: 20_000 };

  it('reaches a node only a jump host can reach', async () => {
    const bastion = await lab.lab.addNode('bastion');
    const inner = await lab.lab.addNode('inner-server', { onlyFrom: bastion.address });
    const user = lab.lab.users.sudoWithoutPassword;
    const direct = SshConnection.open({
      jumps: [],
      target: { label: 'inner-server', host: inner.address, port: 22, username: user, identityFiles: [lab.lab.clientKeyPath], hostKeyPolicy: 'off', knownHostsFile: '/dev/null', connectTimeoutMs: 5000 },
    });
    await expect(direct).rejects.toThrow(/refused every credential/);

    const planFile = await lab.writePlan('jump', [{ node: inner, role: 'server', extra: { ssh: { user, jumpHost: `${user}@${bastion.address}` } } }]);
    const plan = loadClusterPlan(planFile, { homeDir: lab.homeDir });
    const result = await clusterUp({ plan, environment: lab.environment(), ...timeouts });
    expect(result.nodes[0]).toMatchObject({ node: 'inner-server', action: 'install', ready: true });
    expect(inner.logs()).toContain(`from ${bastion.address}`);
    await Promise.all([bastion.stop(), inner.stop()]);
  });

  it('uses sudo with a password from the environment, and the password appears in no command, log or output', async () => {
    const node = await lab.lab.addNode('sudo-pw-1');
    const { password } = lab.lab.users;
    const planFile = await lab.writePlan('sudo-password', [{ node, role: 'server', user: 'password', extra: { sudo: { passwordEnv: 'LAB_SUDO_PASSWORD' }, ssh: { user: lab.lab.users.sudoWithPassword, passwordEnv: 'LAB_SSH_PASSWORD', identityFile: [] } } }]);
    const plan = loadClusterPlan(planFile, { homeDir: lab.homeDir });
    const journal = new CommandJournal();
    let output = '';
    const progress = new LineProgress((text) => (output += text));
    journal.onEntry((entry) => progress.note(`${entry.node}: ${entry.text}`));
    const environment = lab.environment({ LAB_SUDO_PASSWORD: password, LAB_SSH_PASSWORD: password });
    const result = await clusterUp({ plan, environment, journal, progress, ...timeouts });
    output += formatUpSummary(result) + formatJournal(journal, ['sudo-pw-1']);

    expect(result.nodes[0]).toMatchObject({ action: 'install', ready: true });
    expect(node.logs()).toContain(`Accepted password for ${lab.lab.users.sudoWithPassword}`);
    expect(journal.entries.some((entry) => entry.text.startsWith(`sudo -S -k -p ''`))).toBe(true);
    const recorded = [output, JSON.stringify(journal.entries), node.logs(), await node.standInLog('install-calls.log'), await node.standInLog('service-starts.log'), readFileSync(lab.kubeconfigFile, 'utf8')];
    for (const text of recorded) expect(text).not.toContain(password);

    const wrong = lab.environment({ LAB_SUDO_PASSWORD: 'not-the-password', LAB_SSH_PASSWORD: password });
    const failure = await clusterUp({ plan, environment: wrong }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PreflightFailedError);
    expect((failure as Error).message).toMatch(/sudo: .*sudo rejected the password from sudo.passwordEnv/);
    expect((failure as Error).message).not.toContain('not-the-password');
    await node.stop();
  });

  it('fails preflight when sudo wants a password the plan does not give', async () => {
    const node = await lab.lab.addNode('sudo-ask-1');
    const plan = loadClusterPlan(await lab.writePlan('sudo-ask', [{ node, role: 'server', user: 'password' }]), { homeDir: lab.homeDir });
    const failure = await clusterUp({ plan, environment: lab.environment() }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PreflightFailedError);
    expect((failure as Error).message).toMatch(/sudo-ask-1:\n\s+✗ sudo: .*NOPASSWD.*sudo.passwordEnv/);
    await node.stop();
  });

  it('follows a ~/.ssh/config Host alias for the address, user and key, and reports status', async () => {
    const node = await lab.lab.addNode('alias-1');
    await writeFile(
      join(lab.homeDir, '.ssh', 'config'),
      `Host lab-alias\n  HostName ${node.address}\n  User ${lab.lab.users.sudoWithoutPassword}\n  IdentityFile ${lab.lab.clientKeyPath}\n`,
    );
    // No user or key in the plan: both come from the alias.
    const planFile = await lab.writePlan('alias', [{ node, role: 'server', extra: { sshHost: 'lab-alias', ssh: {} } }], {
      ssh: { agent: false, knownHostsFile: join(lab.homeDir, '.ssh', 'known_hosts') },
    });
    const plan = loadClusterPlan(planFile, { homeDir: lab.homeDir });
    const before = await clusterStatus({ plan, environment: lab.environment() });
    expect(before.nodes[0]).toMatchObject({ node: 'alias-1', reachable: true, serviceActive: false });
    expect(before.apiAnswered).toBe(false);
    await clusterUp({ plan, environment: lab.environment(), ...timeouts });
    const after = await clusterStatus({ plan, environment: lab.environment() });
    expect(after.nodes[0]).toMatchObject({ reachable: true, version: 'v1.33.4+k3s1', serviceActive: true, ready: true });
    await writeFile(join(lab.homeDir, '.ssh', 'config'), '');
    await node.stop();
  });

  it('logs in with a key held by ssh-agent when the plan names no key', async () => {
    const node = await lab.lab.addNode('agent-key-1');
    const socket = join(lab.workDir, 'ssh-agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    try {
      await waitFor(() => existsSync(socket));
      const added = spawnSync('ssh-add', [lab.lab.clientKeyPath], { env: { SSH_AUTH_SOCK: socket }, encoding: 'utf8' });
      expect(added.status).toBe(0);
      const plan = loadClusterPlan(await lab.writePlan('agent-key', [{ node, role: 'server' }], { ssh: { agent: true, knownHostsFile: join(lab.homeDir, '.ssh', 'known_hosts') } }), { homeDir: lab.homeDir });
      const status = await clusterStatus({ plan, environment: lab.environment({ SSH_AUTH_SOCK: socket }) });
      expect(status.nodes[0]).toMatchObject({ reachable: true, serviceActive: false });
      const withoutAgent = await clusterStatus({ plan, environment: lab.environment() });
      expect(withoutAgent.nodes[0]?.problem).toMatch(/refused every credential \(tried none\)/);
    } finally {
      agent.kill();
      await node.stop();
    }
  });

  it('refuses a host key that differs from known_hosts, and an unknown one when strict', async () => {
    const node = await lab.lab.addNode('hostkey-1');
    const knownHosts = join(lab.workDir, 'hostkey_known_hosts');
    const otherKey = readFileSync(`${lab.lab.clientKeyPath}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
    await writeFile(knownHosts, `${node.address} ${otherKey}\n`);
    const ssh = { identityFile: lab.lab.clientKeyPath, agent: false, knownHostsFile: knownHosts };
    const mismatch = loadClusterPlan(await lab.writePlan('hostkey', [{ node, role: 'server' }], { ssh }), { homeDir: lab.homeDir });
    const changed = await clusterStatus({ plan: mismatch, environment: lab.environment() });
    expect(changed.nodes[0]?.problem).toMatch(/differs from the one in .*hostkey_known_hosts: if the node was reinstalled, remove the old line with ssh-keygen -R/);

    await writeFile(knownHosts, '');
    const strict = loadClusterPlan(await lab.writePlan('hostkey', [{ node, role: 'server' }], { ssh: { ...ssh, hostKeyChecking: 'strict' } }), { homeDir: lab.homeDir });
    const unknown = await clusterStatus({ plan: strict, environment: lab.environment() });
    expect(unknown.nodes[0]?.problem).toMatch(/is not in .* and hostKeyChecking is strict: add it with ssh-keyscan/);
    await node.stop();
  });

  it('online: downloads the install script on the node and runs it with the channel and without starting', async () => {
    const node = await lab.lab.addNode('online-1');
    const served = await serveInstallScript(lab.lab.gateway, lab.bundle.onlineInstallScript);
    try {
      const plan = loadClusterPlan(await lab.writePlan('online', [{ node, role: 'server' }], { k3s: { channel: 'stable', installScriptUrl: served.url } }), { homeDir: lab.homeDir });
      const result = await clusterUp({ plan, environment: lab.environment(), ...timeouts });
      expect(result.nodes[0]).toMatchObject({ action: 'install', ready: true, kubeletVersion: STAND_IN_CHANNEL_VERSION });
      const calls = (await node.standInLog('install-calls.log')).split('\n');
      expect(calls).toEqual(expect.arrayContaining(['INSTALL_K3S_CHANNEL=stable', 'INSTALL_K3S_EXEC=server', 'INSTALL_K3S_SKIP_START=true']));
      expect(calls.some((line) => line.startsWith('INSTALL_K3S_SKIP_DOWNLOAD') || line.startsWith('INSTALL_K3S_VERSION'))).toBe(false);
      expect(served.requests).toBe(1);
    } finally {
      await served.close();
      await node.stop();
    }
  });

  it('a dry run connects read-only and lists every command per node, changing nothing', async () => {
    const server = await lab.lab.addNode('dry-server');
    const agent = await lab.lab.addNode('dry-agent');
    const plan = loadClusterPlan(await lab.writePlan('dry', [{ node: server, role: 'server' }, { node: agent, role: 'agent' }], { cluster: { name: 'dry' } }), { homeDir: lab.homeDir });
    const journal = new CommandJournal();
    const result = await clusterUp({ plan, environment: lab.environment(), journal, dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.nodes.map((node) => `${node.node}:${node.action}`)).toEqual(['dry-server:install', 'dry-agent:install']);
    expect(journal.entries.filter((entry) => !entry.readOnly).every((entry) => !entry.executed)).toBe(true);
    const listing = formatJournal(journal, ['dry-server', 'dry-agent']);
    expect(listing).toMatch(/dry-server:\n/);
    expect(listing).toContain('[would] run the K3S install script (server)');
    expect(listing).toContain('env INSTALL_K3S_EXEC=agent INSTALL_K3S_SKIP_START=true INSTALL_K3S_VERSION=v1.33.4+k3s1 INSTALL_K3S_SKIP_DOWNLOAD=true sh /usr/local/bin/k3s-install.sh');
    expect(listing).toContain('put /etc/rancher/k3s/config.yaml (mode 0600');
    expect(listing).toContain('| token: <redacted>');
    expect(await server.exists('/etc/rancher/k3s')).toBe(false);
    expect(await server.exists('/var/lib/k3s-stand-in/install-calls.log')).toBe(false);
    expect(existsSync(join(lab.homeDir, '.config', 'netkeep', 'clusters', 'dry', 'token'))).toBe(false);
    await Promise.all([server.stop(), agent.stop()]);
  });
});
