import type { NodeRole } from '../plan/cluster-plan';
import type { K3sInstallState } from './k3s-install-state';

/** What `up` has to do on a node to make it match the plan. */
export type NodeActionKind = 'install' | 'upgrade' | 'reconfigure' | 'start' | 'none';

export interface NodeAction {
  kind: NodeActionKind;
  /** Why, for progress and the summary: `config.yaml changed`, `v1.32.1+k3s1 → v1.33.4+k3s1`. */
  reason: string;
}

/** What the node should end up with. */
export interface DesiredK3s {
  role: NodeRole;
  configSha256: string;
  /** A pinned release; with a channel any installed version is kept. */
  version?: string;
  /** Air-gap: the bundle's binary for the node's architecture. */
  binarySha256?: string;
}

export class NodeRoleConflictError extends Error {
  override readonly name = 'NodeRoleConflictError';
}

/** Compares what is there with what the plan wants; the cheapest action that closes the gap. */
export function decideNodeAction(node: string, state: K3sInstallState, desired: DesiredK3s): NodeAction {
  const otherRole = desired.role === 'server' ? 'agent' : 'server';
  if (state.installedRoles.includes(otherRole)) {
    throw new NodeRoleConflictError(
      `${node} runs K3S as ${otherRole === 'server' ? 'a server' : 'an agent'} but the plan makes it ${desired.role === 'server' ? 'a server' : 'an agent'}: run \`installer down\` for it first (K3S cannot change a node's role in place)`,
    );
  }
  if (!state.version || !state.installedRoles.includes(desired.role)) return { kind: 'install', reason: 'K3S is not installed' };
  if (desired.binarySha256 && state.binarySha256 !== desired.binarySha256) {
    return { kind: 'upgrade', reason: `the k3s binary differs from the bundle's (${state.version} installed)` };
  }
  if (desired.version && state.version !== desired.version) return { kind: 'upgrade', reason: `${state.version} → ${desired.version}` };
  if (state.configSha256 !== desired.configSha256) return { kind: 'reconfigure', reason: state.configSha256 ? 'config.yaml changed' : 'config.yaml is missing' };
  if (!state.activeRoles.includes(desired.role)) return { kind: 'start', reason: 'the service is not running' };
  return { kind: 'none', reason: `${state.version}, config unchanged, running` };
}
