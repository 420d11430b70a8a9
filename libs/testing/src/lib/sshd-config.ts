export interface SshdConfigInput {
  host: string;
  port: number;
  username: string;
  hostKeyPath: string;
  authorizedKeysPath: string;
  pidFilePath: string;
  allowTcpForwarding: boolean;
}

/**
 * A self-contained sshd_config: nothing read from /etc/ssh or ~/.ssh, key auth for one user only.
 * StrictModes is off because the temp dir is not laid out the way sshd's ownership checks expect.
 */
export function renderSshdConfig(input: SshdConfigInput): string {
  // IPv6 literals need brackets in ListenAddress.
  const listenHost = input.host.includes(':') ? `[${input.host}]` : input.host;
  return [
    `ListenAddress ${listenHost}:${input.port}`,
    `HostKey ${input.hostKeyPath}`,
    `PidFile ${input.pidFilePath}`,
    `AuthorizedKeysFile ${input.authorizedKeysPath}`,
    `AllowUsers ${input.username}`,
    'StrictModes no',
    'UsePAM no',
    'PermitRootLogin prohibit-password',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    `AllowTcpForwarding ${input.allowTcpForwarding ? 'yes' : 'no'}`,
    'AllowAgentForwarding no',
    'X11Forwarding no',
    'UseDNS no',
    'PrintMotd no',
    'PrintLastLog no',
    'LogLevel VERBOSE',
    'Subsystem sftp internal-sftp',
    '',
  ].join('\n');
}
