import { describe, expect, it } from 'vitest';
import { parseClusterPlan } from '../plan/parse-cluster-plan';
import { SshConfigFile } from './ssh-config-file';
import { resolveSshRoute } from './ssh-route';

const sshConfig = SshConfigFile.parse(
  ['Host bastion', '  HostName 192.0.2.1', '  User jumper', '  Port 2200', 'Host inner', '  HostName 10.9.9.9', '  ProxyJump bastion', '  User cfg-user'].join('\n'),
  { homeDir: '/home/op' },
);

function nodeFrom(yaml: string) {
  const plan = parseClusterPlan(`cluster: { name: lab }\nnodes:\n${yaml}`, '/plans/p.yaml', { homeDir: '/home/op' });
  return plan.nodes[0] as NonNullable<(typeof plan.nodes)[0]>;
}

const context = { homeDir: '/home/op', localUser: 'op', env: { SSH_AUTH_SOCK: '/run/agent.sock', PW: 'secret' }, sshConfig };

describe('resolveSshRoute', () => {
  it('resolves a ~/.ssh/config alias with its ProxyJump chain', () => {
    const route = resolveSshRoute(nodeFrom('  - { name: s1, role: server, address: 10.9.9.9, sshHost: inner }'), context);
    expect(route.target).toMatchObject({ host: '10.9.9.9', port: 22, username: 'cfg-user', agentSocket: '/run/agent.sock' });
    expect(route.jumps).toEqual([expect.objectContaining({ host: '192.0.2.1', port: 2200, username: 'jumper', label: 'jump host bastion for s1' })]);
  });

  it('lets the plan win over ~/.ssh/config and parses user@host:port jump specs', () => {
    const route = resolveSshRoute(
      nodeFrom('  - { name: s1, role: server, address: 10.9.9.9, sshHost: inner, ssh: { user: planned, port: 2022, jumpHost: "ops@198.51.100.7:2201,bastion", passwordEnv: PW, agent: false } }'),
      context,
    );
    expect(route.target).toMatchObject({ username: 'planned', port: 2022, password: 'secret', passwordEnv: 'PW' });
    expect(route.target.agentSocket).toBeUndefined();
    expect(route.jumps.map((hop) => `${hop.username}@${hop.host}:${hop.port}`)).toEqual(['ops@198.51.100.7:2201', 'jumper@192.0.2.1:2200']);
  });

  it('ignores ~/.ssh/config when the plan says so', () => {
    const route = resolveSshRoute(nodeFrom('  - { name: s1, role: server, address: 10.9.9.9, sshHost: inner, ssh: { sshConfig: false } }'), context);
    expect(route.target).toMatchObject({ host: 'inner', username: 'op' });
    expect(route.jumps).toEqual([]);
  });
});
