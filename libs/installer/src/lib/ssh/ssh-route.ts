import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HostKeyPolicy, PlanNode } from '../plan/cluster-plan';
import type { SshConfigFile } from './ssh-config-file';

/** One SSH server on the way to a node, with everything needed to log in to it. */
export interface SshHop {
  /** For messages: the node's name, or `jump host bastion for server-1`. */
  label: string;
  host: string;
  port: number;
  username: string;
  identityFiles: string[];
  /** SSH_AUTH_SOCK, when the agent is to be used and one is running. */
  agentSocket?: string;
  /** The name of the variable the password comes from, so errors can name it. */
  passwordEnv?: string;
  password?: string;
  hostKeyPolicy: HostKeyPolicy;
  knownHostsFile: string;
  connectTimeoutMs: number;
}

/** How to reach a node: the jump hosts in the order they are entered, then the node itself. */
export interface SshRoute {
  jumps: SshHop[];
  target: SshHop;
}

export interface SshRouteContext {
  homeDir: string;
  localUser: string;
  env: NodeJS.ProcessEnv;
  sshConfig: SshConfigFile;
}

export class SshRouteError extends Error {
  override readonly name = 'SshRouteError';
}

/** The keys OpenSSH tries when nothing names one. */
const DEFAULT_IDENTITY_FILES = ['id_ed25519', 'id_ecdsa', 'id_rsa'];
const MAX_JUMPS = 8;

/**
 * Resolves a node's SSH settings the way `ssh` would: the plan's fields first (like command-line
 * options), then ~/.ssh/config for the alias (HostName, User, Port, IdentityFile, ProxyJump),
 * then OpenSSH's defaults. Jump hosts are resolved the same way, their own ProxyJump included.
 */
export function resolveSshRoute(node: PlanNode, context: SshRouteContext): SshRoute {
  const target = resolveHop(node.name, node.sshHost, node, context, {
    user: node.ssh.user,
    port: node.ssh.port,
    identityFiles: node.ssh.identityFiles,
  });
  const jumpSpec = node.ssh.jumpHost ?? target.proxyJump;
  const jumps = jumpSpec ? resolveJumps(jumpSpec, node, context, 0) : [];
  return { jumps, target: target.hop };
}

function resolveJumps(spec: string, node: PlanNode, context: SshRouteContext, depth: number): SshHop[] {
  if (depth > MAX_JUMPS) throw new SshRouteError(`${node.name}: jump hosts nest more than ${MAX_JUMPS} deep (a ProxyJump loop in ~/.ssh/config?)`);
  return spec.split(',').flatMap((part) => {
    const parsed = parseHopSpec(part.trim(), node);
    const { hop, proxyJump } = resolveHop(`jump host ${parsed.host} for ${node.name}`, parsed.host, node, context, {
      user: parsed.user,
      port: parsed.port,
      identityFiles: [],
    });
    const before = proxyJump ? resolveJumps(proxyJump, node, context, depth + 1) : [];
    return [...before, hop];
  });
}

interface HopOverrides {
  user?: string;
  port?: number;
  identityFiles: string[];
}

function resolveHop(label: string, alias: string, node: PlanNode, context: SshRouteContext, overrides: HopOverrides): { hop: SshHop; proxyJump?: string } {
  const fromConfig = node.ssh.useSshConfig
    ? context.sshConfig.lookup(alias, { homeDir: context.homeDir, localUser: context.localUser })
    : { identityFiles: [] as string[] };
  const identityFiles = firstNonEmpty(overrides.identityFiles, fromConfig.identityFiles, node.ssh.identityFiles, defaultIdentityFiles(context.homeDir));
  const passwordEnv = node.ssh.passwordEnv;
  const agentSocket = node.ssh.useAgent ? context.env['SSH_AUTH_SOCK'] : undefined;
  const hop: SshHop = {
    label,
    host: 'hostName' in fromConfig && fromConfig.hostName ? fromConfig.hostName : alias,
    port: overrides.port ?? ('port' in fromConfig ? fromConfig.port : undefined) ?? 22,
    username: overrides.user ?? ('user' in fromConfig ? fromConfig.user : undefined) ?? node.ssh.user ?? context.localUser,
    identityFiles,
    ...(agentSocket ? { agentSocket } : {}),
    ...(passwordEnv ? { passwordEnv, password: context.env[passwordEnv] } : {}),
    hostKeyPolicy: node.ssh.hostKeyPolicy,
    knownHostsFile: node.ssh.knownHostsFile ?? join(context.homeDir, '.ssh', 'known_hosts'),
    connectTimeoutMs: node.ssh.connectTimeoutSeconds * 1000,
  };
  return { hop, ...('proxyJump' in fromConfig && fromConfig.proxyJump ? { proxyJump: fromConfig.proxyJump } : {}) };
}

/** `[user@]host[:port]`, `[v6]:port` for IPv6. */
function parseHopSpec(spec: string, node: PlanNode): { user?: string; host: string; port?: number } {
  const match = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(spec);
  if (!match) throw new SshRouteError(`${node.name}: jump host "${spec}" is not [user@]host[:port]`);
  const host = (match[2] as string).replace(/^\[|\]$/g, '');
  return { ...(match[1] ? { user: match[1] } : {}), host, ...(match[3] ? { port: Number(match[3]) } : {}) };
}

function defaultIdentityFiles(homeDir: string): string[] {
  return DEFAULT_IDENTITY_FILES.map((name) => join(homeDir, '.ssh', name)).filter((file) => existsSync(file));
}

function firstNonEmpty(...lists: string[][]): string[] {
  return lists.find((list) => list.length > 0) ?? [];
}
