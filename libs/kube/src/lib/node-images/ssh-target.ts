/** A node to reach over SSH, as `user@host[:port]` names it. */
export interface SshTarget {
  user: string;
  host: string;
  port: number;
}

/**
 * Parses a comma-separated list of `user@host[:port]` (IPv6 as `user@[addr]:port`). The user
 * defaults to root, as on a fresh K3S node; the port to 22.
 */
export function parseSshTargets(list: string): SshTarget[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(parseSshTarget);
}

export function parseSshTarget(entry: string): SshTarget {
  const at = entry.lastIndexOf('@');
  const user = at >= 0 ? entry.slice(0, at) : 'root';
  const address = at >= 0 ? entry.slice(at + 1) : entry;
  const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(address) ?? /^([^:]+)(?::(\d+))?$/.exec(address);
  if (!user || !match?.[1]) throw new Error(`"${entry}" is not an SSH target (expected user@host[:port])`);
  const port = match[2] ? Number(match[2]) : 22;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`"${entry}" has no valid port`);
  return { user, host: match[1], port };
}

export function formatSshTarget(target: SshTarget): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `${target.user}@${host}${target.port === 22 ? '' : `:${target.port}`}`;
}
