import type { PlanNode } from '../plan/cluster-plan';
import type { CommandJournal } from '../remote/command-journal';
import { NodeShell } from '../remote/node-shell';
import type { Privilege } from '../remote/privilege';
import { SshConfigFile } from '../ssh/ssh-config-file';
import { SshConnection } from '../ssh/ssh-connection';
import { resolveSshRoute } from '../ssh/ssh-route';
import type { InstallerEnvironment } from './installer-environment';
import type { ProgressSink } from '../progress/progress-sink';
import { nodeFailure, type NodeFailure } from './node-failure';

export interface ConnectedNode {
  node: PlanNode;
  shell: NodeShell;
  /** Set when root cannot be had as the plan says (a password variable that is not set). */
  privilegeProblem?: string;
}

export interface NodeConnections {
  connected: Map<string, ConnectedNode>;
  failures: NodeFailure[];
}

/** Logs in to every node at once; each failure is kept with its node rather than stopping the others. */
export async function connectNodes(
  nodes: readonly PlanNode[],
  environment: InstallerEnvironment,
  options: { journal: CommandJournal; dryRun: boolean; progress: ProgressSink },
): Promise<NodeConnections> {
  const sshConfig = SshConfigFile.load(environment.homeDir);
  const connected = new Map<string, ConnectedNode>();
  const failures: NodeFailure[] = [];
  await Promise.all(
    nodes.map(async (node) => {
      options.progress.update({ node: node.name, step: 'connect', state: 'running' });
      try {
        const route = resolveSshRoute(node, { ...environment, sshConfig });
        const connection = await SshConnection.open(route);
        const { privilege, problem } = privilegeFor(node, route.target.username, environment.env);
        const shell = new NodeShell(node, connection, privilege, options.journal, options.dryRun);
        connected.set(node.name, { node, shell, ...(problem ? { privilegeProblem: problem } : {}) });
        const via = route.jumps.length ? ` via ${route.jumps.map((hop) => hop.host).join(' → ')}` : '';
        options.progress.update({ node: node.name, step: 'connect', state: 'done', detail: `${route.target.username}@${route.target.host}:${route.target.port}${via}` });
      } catch (error) {
        failures.push(nodeFailure(node.name, 'connect', error));
        options.progress.update({ node: node.name, step: 'connect', state: 'failed', detail: (error as Error).message });
      }
    }),
  );
  return { connected, failures };
}

export async function closeAll(connections: NodeConnections): Promise<void> {
  await Promise.all([...connections.connected.values()].map((entry) => entry.shell.close()));
}

/** root needs nothing; anyone else goes through sudo, with the password from the plan's variable if it names one. */
export function privilegeFor(node: PlanNode, username: string, env: NodeJS.ProcessEnv): { privilege: Privilege; problem?: string } {
  if (username === 'root') return { privilege: { kind: 'root' } };
  const passwordEnv = node.sudo.passwordEnv;
  if (!passwordEnv) return { privilege: { kind: 'sudo' } };
  const password = env[passwordEnv];
  if (password === undefined) return { privilege: { kind: 'sudo' }, problem: `sudo.passwordEnv names ${passwordEnv}, which is not set` };
  return { privilege: { kind: 'sudo-password', password } };
}

export function requireShell(connections: NodeConnections, node: PlanNode): NodeShell {
  const entry = connections.connected.get(node.name);
  if (!entry) throw new Error(`${node.name} is not connected`);
  return entry.shell;
}
