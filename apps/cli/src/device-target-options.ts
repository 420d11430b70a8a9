import { DEFAULT_TIMEOUTS, type CryptoProfileName } from '@netkeep/ssh';
import { Command, InvalidArgumentError, Option } from 'commander';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { SECRET_VARIABLES } from './secret-input';

/** A jump host as given on the command line: `user@host[:port]`. */
export interface JumpAddress {
  username?: string;
  host: string;
  port: number;
}

/** The connection flags every device command shares, as commander hands them to the action. */
export interface DeviceTargetFlags {
  platform: string;
  port: number;
  username: string;
  key?: string;
  jump?: JumpAddress;
  crypto?: CryptoProfileName;
  knownHosts: string;
  acceptNewHostKey: boolean;
  timeout?: number;
  name?: string;
}

export const CRYPTO_PROFILE_NAMES: readonly CryptoProfileName[] = ['modern', 'legacy-cbc', 'legacy-dh'];

export function withDeviceTargetOptions(command: Command, env: NodeJS.ProcessEnv): Command {
  return command
    .requiredOption('--platform <platform>', 'platform name or alias (cisco_ios, ios, eos, junos, linux, …)')
    .option('--port <port>', 'SSH port', parsePort, 22)
    .option('--username <username>', 'login username', defaultUsername(env))
    .option('--key <path>', `private key file (passphrase from ${SECRET_VARIABLES.keyPassphrase})`)
    .option(
      '--jump <user@host[:port]>',
      `connect through this SSH jump host (same key, or ${SECRET_VARIABLES.jumpPassword})`,
      parseJumpAddress,
    )
    .addOption(
      new Option('--crypto <profile>', 'pin the algorithm set (default: strongest that works)').choices(
        CRYPTO_PROFILE_NAMES,
      ),
    )
    .option('--known-hosts <path>', 'host key file', defaultKnownHostsPath(env))
    .option('--accept-new-host-key', 'accept a changed host key and record it (first use is always recorded)', false)
    .option(
      '--timeout <seconds>',
      `connect timeout in seconds (default ${DEFAULT_TIMEOUTS.connectMs / 1000}); every other phase scales with it`,
      parseSeconds,
    )
    .option('--name <device>', 'device name for messages (default: the host)');
}

function defaultUsername(env: NodeJS.ProcessEnv): string {
  return env['USER'] || userInfo().username;
}

function defaultKnownHostsPath(env: NodeJS.ProcessEnv): string {
  return join(env['HOME'] || homedir(), '.netkeep', 'known_hosts');
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) throw new InvalidArgumentError('expected a port from 1 to 65535');
  return port;
}

export function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return seconds;
}

const JUMP_ADDRESS = /^(?:([^@\s]+)@)?(\[[^\]\s]+\]|[^:@[\]\s]+)(?::(\d+))?$/;

export function parseJumpAddress(value: string): JumpAddress {
  const match = JUMP_ADDRESS.exec(value);
  if (!match) throw new InvalidArgumentError('expected user@host[:port]');
  const [, username, bracketedHost, port] = match;
  const host = bracketedHost.replace(/^\[(.*)\]$/, '$1');
  return { username, host, port: port === undefined ? 22 : parsePort(port) };
}
