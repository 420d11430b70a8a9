import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClusterPlan } from './parse-cluster-plan';
import { PlanValidationError } from './plan-validation-error';

const HOME = '/home/operator';
const EXAMPLE = resolve(__dirname, '../../../../../k8s/cluster-plan.example.yaml');

function parse(text: string, file = '/plans/lab.yaml') {
  return parseClusterPlan(text, file, { homeDir: HOME });
}

function issuesOf(text: string): string[] {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof PlanValidationError) return error.issues.map((issue) => `${issue.path}${issue.line ? `@${issue.line}` : ''}: ${issue.message}`);
    throw error;
  }
  return [];
}

const MINIMAL = `
cluster:
  name: lab
nodes:
  - name: s1
    role: server
    address: 10.0.0.1
  - name: a1
    role: agent
    address: 10.0.0.2
`;

describe('parseClusterPlan', () => {
  it('reads the example plan in k8s/ with every default applied', () => {
    const plan = parseClusterPlan(readFileSync(EXAMPLE, 'utf8'), EXAMPLE, { homeDir: HOME });
    expect(plan.nodes.map((node) => `${node.name}:${node.role}`)).toEqual(['k3s-server-1:server', 'k3s-agent-1:agent', 'k3s-agent-2:agent']);
    expect(plan.cluster.tlsSan).toEqual(['192.168.56.10', 'k3s.lab.example.net']);
    expect(plan.k3s).toEqual({ kind: 'online', version: 'v1.33.4+k3s1', installScriptUrl: 'https://get.k3s.io' });
    expect(plan.nodes[2]?.ssh.user).toBe('admin');
    expect(plan.nodes[1]?.ssh.user).toBe('ubuntu');
    expect(plan.nodes[2]?.sudo.passwordEnv).toBe('AGENT2_SUDO_PASSWORD');
    expect(plan.nodes[0]?.ssh.identityFiles).toEqual([join(HOME, '.ssh/id_ed25519')]);
    expect(plan.netkeep.overlayDir).toBe(resolve(EXAMPLE, '../overlays/k3s'));
    expect(plan.cluster.tokenFile).toBe(join(HOME, '.config/netkeep/clusters/netkeep/token'));
  });

  it('defaults: SQLite, the first server as API address, the token under ~/.config/netkeep', () => {
    const plan = parse(MINIMAL);
    expect(plan.cluster.datastore).toEqual({ type: 'sqlite' });
    expect(plan.cluster.apiAddress).toBe('10.0.0.1');
    expect(plan.cluster.apiPort).toBe(6443);
    expect(plan.cluster.tokenFile).toBe(join(HOME, '.config/netkeep/clusters/lab/token'));
    expect(plan.nodes[0]?.ssh).toMatchObject({ useAgent: true, useSshConfig: true, hostKeyPolicy: 'accept-new', connectTimeoutSeconds: 15 });
    expect(plan.nodes[0]?.sshHost).toBe('10.0.0.1');
  });

  it('lists every mistake at once, each with its path and line', () => {
    const issues = issuesOf(readFileSync(join(__dirname, 'fixtures/mistakes.plan.yaml'), 'utf8'));
    expect(issues).toEqual(
      expect.arrayContaining([
        'cluster.name@2: "Netkeep" must be lower-case letters, digits, "-" and "."',
        expect.stringMatching(/^k3s\.version@6: must be a non-empty string, not number 1\.33/),
        expect.stringMatching(/^k3s\.chanel@7: unknown field \(did you mean "channel"\?\)/),
        'ssh.port@9: must be a whole number from 1 to 65535, not number 70000',
        'nodes[0].role@12: must be one of "server", "agent", not "master"',
        expect.stringMatching(/^nodes\[1\]\.taints\[0\]@17: "dedicated" must be key=value:Effect/),
        'nodes[1].config.token@19: is written by the installer; set it through cluster.tokenFile or cluster.tokenEnv',
      ]),
    );
    // The port default is read once per node but reported once.
    expect(issues.filter((issue) => issue.startsWith('ssh.port'))).toHaveLength(1);
  });

  it('refuses two servers on SQLite and an even number of etcd servers', () => {
    const twoServers = MINIMAL.replace('role: agent', 'role: server');
    expect(issuesOf(twoServers)).toContainEqual(expect.stringMatching(/^cluster\.datastore@\d+: SQLite serves a single server but the plan has 2/));
    expect(issuesOf(twoServers.replace('name: lab', 'name: lab\n  datastore:\n    type: etcd'))).toContainEqual(
      expect.stringMatching(/embedded etcd needs an odd number of servers .* not 2/),
    );
  });

  it('refuses duplicate names and addresses, and a plan without a server', () => {
    const duplicate = MINIMAL.replace('name: a1', 'name: s1').replace('10.0.0.2', '10.0.0.1');
    expect(issuesOf(duplicate)).toEqual(expect.arrayContaining([expect.stringMatching(/name "s1" is used by more than one node/), expect.stringMatching(/address 10.0.0.1 is used by more than one node/)]));
    expect(issuesOf(MINIMAL.replace('role: server', 'role: agent'))).toContainEqual(expect.stringMatching(/^nodes@\d+: has no node with role: server/));
  });

  it('an air-gap bundle must be a folder and excludes a channel', () => {
    expect(issuesOf(`${MINIMAL}k3s:\n  airgapBundle: ./bundle\n  channel: stable\n`)).toEqual(
      expect.arrayContaining(['k3s.channel@13: cannot be used with airgapBundle: the bundle is the release', 'k3s.airgapBundle@12: /plans/bundle is not a directory']),
    );
  });

  it('reports YAML syntax errors with their line', () => {
    expect(issuesOf('cluster:\n  name: [lab\n')).toEqual([expect.stringMatching(/^@\d+: YAML syntax:/)]);
  });

  it('needs the datastore variable for an external datastore', () => {
    expect(issuesOf(MINIMAL.replace('name: lab', 'name: lab\n  datastore:\n    type: external'))).toContainEqual('cluster.datastore.endpointEnv@5: is required');
  });
});
