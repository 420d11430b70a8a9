import { homedir, userInfo } from 'node:os';

/** What the installer reads from the machine it runs on; tests pass their own. */
export interface InstallerEnvironment {
  env: NodeJS.ProcessEnv;
  /** For ~/.ssh/config, ~/.ssh/known_hosts, the default keys, ~/.kube/config and the token file. */
  homeDir: string;
  /** OpenSSH's default login name. */
  localUser: string;
}

export function currentEnvironment(): InstallerEnvironment {
  return { env: process.env, homeDir: homedir(), localUser: userInfo().username };
}
