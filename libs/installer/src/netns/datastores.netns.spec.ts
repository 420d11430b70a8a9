import { startFakeKubeApiServer, type FakeKubeApiServer } from '@netkeep/testing';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterUp } from '../lib/cluster/cluster-up';
import { loadClusterPlan } from '../lib/plan/parse-cluster-plan';
import { CommandJournal } from '../lib/remote/command-journal';
import { canBuildNetnsLab } from '../testing/host-commands';
import { InstallerLab } from '../testing/installer-lab';

const available = canBuildNetnsLab();

/** The datastores the plan offers beyond SQLite: embedded etcd with three servers, an external SQL endpoint. */
describe.skipIf(!available.ok)(`datastores over SSH in network namespaces${available.ok ? '' : ` (skipped: ${available.reason})`}`, () => {
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

  it('embedded etcd: the first server starts the cluster, two more servers and an agent join it', async () => {
    const nodes = await Promise.all(['etcd-1', 'etcd-2', 'etcd-3', 'etcd-agent'].map((name) => lab.lab.addNode(name)));
    const [first, second, third, agent] = nodes as [(typeof nodes)[0], (typeof nodes)[0], (typeof nodes)[0], (typeof nodes)[0]];
    const planFile = await lab.writePlan(
      'etcd',
      [
        { node: first, role: 'server' },
        { node: second, role: 'server' },
        { node: third, role: 'server' },
        { node: agent, role: 'agent' },
      ],
      { cluster: { name: 'lab', datastore: { type: 'etcd' }, tlsSan: ['k3s.lab.test'] } },
    );
    const plan = loadClusterPlan(planFile, { homeDir: lab.homeDir });
    const result = await clusterUp({ plan, environment: lab.environment(), serverReadyTimeoutMs: 20_000, nodesReadyTimeoutMs: 20_000 });

    expect(result.nodes.map((node) => `${node.node}:${node.ready}`)).toEqual(['etcd-1:true', 'etcd-2:true', 'etcd-3:true', 'etcd-agent:true']);
    expect(parse(await first.readFile('/etc/rancher/k3s/config.yaml'))).toMatchObject({ 'cluster-init': true, 'tls-san': [first.address, 'k3s.lab.test'] });
    for (const joining of [second, third]) {
      const config = parse(await joining.readFile('/etc/rancher/k3s/config.yaml'));
      expect(config).toMatchObject({ server: `https://${first.address}:6443`, 'tls-san': [first.address, 'k3s.lab.test'] });
      expect(config['cluster-init']).toBeUndefined();
      expect(await joining.standInLog('install-calls.log')).toContain('INSTALL_K3S_EXEC=server');
    }
    expect(lab.api.nodes.get('etcd-2')?.metadata.labels).toMatchObject({ 'node-role.kubernetes.io/control-plane': 'true' });
    await Promise.all(nodes.map((node) => node.stop()));
  });

  it('external datastore: every server gets the endpoint from the environment, which no command or log shows', async () => {
    const nodes = await Promise.all(['ext-1', 'ext-2'].map((name) => lab.lab.addNode(name)));
    const endpoint = 'postgres://k3s:db-s3cret@db.lab.test:5432/k3s';
    const planFile = await lab.writePlan(
      'external',
      nodes.map((node) => ({ node, role: 'server' as const })),
      { cluster: { name: 'ext', datastore: { type: 'external', endpointEnv: 'K3S_DATASTORE' }, tokenFile: `${lab.workDir}/ext.token` } },
    );
    const plan = loadClusterPlan(planFile, { homeDir: lab.homeDir });
    const journal = new CommandJournal();
    const result = await clusterUp({ plan, environment: lab.environment({ K3S_DATASTORE: endpoint }), journal, serverReadyTimeoutMs: 20_000, nodesReadyTimeoutMs: 20_000 });

    expect(result.nodes.every((node) => node.ready)).toBe(true);
    for (const node of nodes) {
      const config = parse(await node.readFile('/etc/rancher/k3s/config.yaml'));
      expect(config['datastore-endpoint']).toBe(endpoint);
      expect(config.server).toBeUndefined();
      expect(await node.standInLog('service-starts.log')).not.toContain('db-s3cret');
    }
    expect(JSON.stringify(journal.entries)).not.toContain('db-s3cret');
    await Promise.all(nodes.map((node) => node.stop()));
  });
});
