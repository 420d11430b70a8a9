import type { CryptoProfileName } from './crypto-profiles';

export interface SshCredentials {
  username: string;
  password?: string;
  privateKey?: string | Buffer;
  passphrase?: string;
}

export interface JumpHostTarget extends SshCredentials {
  host: string;
  port?: number;
}

/** Everything needed to reach one device and log in. */
export interface DeviceTarget extends SshCredentials {
  /** Device name, used in errors and logs. */
  name: string;
  host: string;
  port?: number;
  /** Platform name or alias (`cisco_ios`, `ios`, `cisco.ios.ios`). */
  platform: string;
  enableSecret?: string;
  /** Pin a crypto profile; without it the strongest that works is found. */
  cryptoProfile?: CryptoProfileName;
  jumpHost?: JumpHostTarget;
}

export function targetAddress(target: { host: string; port?: number }): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `${host}:${target.port ?? 22}`;
}
