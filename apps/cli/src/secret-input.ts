import type { CliIo } from './cli-io';
import { UsageError } from './cli-errors';

/** Secrets come only from these variables or a hidden prompt, never from a flag: flags end up in shell history and `ps`. */
export const SECRET_VARIABLES = {
  password: 'NETKEEP_SSH_PASSWORD',
  enableSecret: 'NETKEEP_ENABLE_SECRET',
  keyPassphrase: 'NETKEEP_SSH_KEY_PASSPHRASE',
  jumpPassword: 'NETKEEP_JUMP_PASSWORD',
} as const;

export interface SecretRequest {
  device: string;
  username: string;
  /** With a key there is no password prompt: the key is how the operator chose to log in. */
  hasKey: boolean;
  /** The platform has a privileged level reached with a secret (Cisco `enable`). */
  hasEnableLevel: boolean;
}

export interface DeviceSecrets {
  password?: string;
  enableSecret?: string;
}

type SecretSources = Pick<CliIo, 'env' | 'promptSecret'>;

export async function readDeviceSecrets(request: SecretRequest, sources: SecretSources): Promise<DeviceSecrets> {
  const mayPrompt = !request.hasKey && sources.promptSecret !== undefined;
  const password =
    secretFromEnv(sources, 'password') ??
    (mayPrompt ? await sources.promptSecret?.(`Password for ${request.username}@${request.device}: `) : undefined);
  if (password === undefined && !request.hasKey) {
    throw new UsageError(
      `${request.device}: no password: set ${SECRET_VARIABLES.password}, pass --key <path>, or run from a terminal to be prompted`,
    );
  }
  const enableSecret =
    secretFromEnv(sources, 'enableSecret') ??
    (mayPrompt && request.hasEnableLevel
      ? await sources.promptSecret?.(`Enable secret for ${request.device} (Enter if none): `)
      : undefined);
  return { password, enableSecret: enableSecret || undefined };
}

/** An empty variable counts as unset: `export NETKEEP_SSH_PASSWORD=` is how people clear one. */
export function secretFromEnv(sources: Pick<CliIo, 'env'>, secret: keyof typeof SECRET_VARIABLES): string | undefined {
  return sources.env[SECRET_VARIABLES[secret]] || undefined;
}
