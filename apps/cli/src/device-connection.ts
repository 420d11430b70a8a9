import {
  DEFAULT_TIMEOUTS,
  FileHostKeyStore,
  findPlatform,
  PLATFORMS,
  scaleTimeouts,
  type DeviceTarget,
  type JumpHostTarget,
  type PhaseTimeouts,
  type SessionOptions,
} from '@netkeep/ssh';
import { readFile } from 'node:fs/promises';
import { utils } from 'ssh2';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-errors';
import type { DeviceTargetFlags, JumpAddress } from './device-target-options';
import { readDeviceSecrets, SECRET_VARIABLES, secretFromEnv } from './secret-input';

export interface DeviceConnection {
  target: DeviceTarget;
  options: SessionOptions;
}

/** Turns flags, environment and prompts into what the session library needs; fails before any connection is made. */
export async function resolveDeviceConnection(
  host: string,
  flags: DeviceTargetFlags,
  io: Pick<CliIo, 'env' | 'promptSecret'>,
): Promise<DeviceConnection> {
  const platform = findPlatform(flags.platform);
  if (!platform) {
    const known = PLATFORMS.map((definition) => definition.name).join(', ');
    throw new UsageError(`unknown platform "${flags.platform}"; known platforms: ${known}`);
  }
  const name = flags.name ?? host;
  const passphrase = secretFromEnv(io, 'keyPassphrase');
  const privateKey = flags.key === undefined ? undefined : await readPrivateKey(flags.key, passphrase);
  const credentials = { username: flags.username, privateKey, passphrase: privateKey ? passphrase : undefined };
  const jumpHost = flags.jump ? jumpHostTarget(flags.jump, credentials, secretFromEnv(io, 'jumpPassword')) : undefined;
  const request = { device: name, username: flags.username, hasKey: privateKey !== undefined, hasEnableLevel: !!platform.privilege };
  const secrets = await readDeviceSecrets(request, io);
  const target: DeviceTarget = {
    name,
    host,
    port: flags.port,
    platform: flags.platform,
    ...credentials,
    password: secrets.password,
    enableSecret: secrets.enableSecret,
    cryptoProfile: flags.crypto,
    jumpHost,
  };
  const options: SessionOptions = {
    hostKeys: new FileHostKeyStore(flags.knownHosts),
    acceptChangedHostKey: flags.acceptNewHostKey,
    timeouts: flags.timeout === undefined ? undefined : timeoutsFor(flags.timeout),
  };
  return { target, options };
}

/** Read and checked here so a wrong path or a missing passphrase is a usage error, not an auth failure. */
async function readPrivateKey(path: string, passphrase: string | undefined): Promise<string> {
  const key = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read key ${path}: ${error.code ?? error.message}`);
  });
  const parsed = utils.parseKey(key, passphrase);
  if (parsed instanceof Error) {
    if (!passphrase && /encrypted|passphrase/i.test(parsed.message)) {
      throw new UsageError(`key ${path} is encrypted: set ${SECRET_VARIABLES.keyPassphrase}`);
    }
    throw new UsageError(`cannot use key ${path}: ${parsed.message}`);
  }
  return key;
}

type Credentials = Pick<JumpHostTarget, 'username' | 'privateKey' | 'passphrase'>;

function jumpHostTarget(jump: JumpAddress, device: Credentials, password: string | undefined): JumpHostTarget {
  if (!device.privateKey && password === undefined) {
    throw new UsageError(`jump host ${jump.host}: no credentials: pass --key or set ${SECRET_VARIABLES.jumpPassword}`);
  }
  return { ...device, host: jump.host, port: jump.port, username: jump.username ?? device.username, password };
}

/** `--timeout` is the connect timeout; the other phases keep their proportion to it. */
export function timeoutsFor(connectSeconds: number): PhaseTimeouts {
  return scaleTimeouts(DEFAULT_TIMEOUTS, (connectSeconds * 1000) / DEFAULT_TIMEOUTS.connectMs);
}
