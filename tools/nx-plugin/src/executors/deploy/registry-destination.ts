import { pushImageArchive, registryRepository, type ImageEngine, type PushedImage, type RegistryCredentials } from '@netkeep/images';

/** Credentials for --registry come from the environment only, so they stay out of shell history and Nx's logs. */
export const REGISTRY_USERNAME_VARIABLE = 'NETKEEP_REGISTRY_USERNAME';
export const REGISTRY_PASSWORD_VARIABLE = 'NETKEEP_REGISTRY_PASSWORD';

/** Where `--registry` sends the built image, and how. */
export interface RegistryDestination {
  /** `<registry>/netkeep/<service>`, to which the built image's tag is added. */
  repository: string;
  tlsVerify: boolean;
  credentials?: RegistryCredentials;
}

export interface RegistryRequest {
  /** `host[:port][/path]`, as --registry gives it. */
  registry: string;
  /** --insecure-registry. */
  insecure: boolean;
  service: string;
}

/** Checks --registry and its credentials before anything is built. */
export function registryDestination({ registry, insecure, service }: RegistryRequest, env: NodeJS.ProcessEnv = process.env): RegistryDestination {
  const repository = registryRepository(registry, `netkeep/${service}`);
  const username = env[REGISTRY_USERNAME_VARIABLE];
  const password = env[REGISTRY_PASSWORD_VARIABLE];
  if (Boolean(username) !== Boolean(password)) {
    throw new Error(`set both ${REGISTRY_USERNAME_VARIABLE} and ${REGISTRY_PASSWORD_VARIABLE}, or neither (to use the engine's own login)`);
  }
  return { repository, tlsVerify: !insecure, ...(username && password ? { credentials: { username, password } } : {}) };
}

/** Pushes the archive as `<repository>:<tag>`; the engine the deploy was asked to use, else the first that works. */
export function pushToRegistry(archivePath: string, tag: string, destination: RegistryDestination, engine?: ImageEngine): Promise<PushedImage> {
  return pushImageArchive({
    archivePath,
    reference: `${destination.repository}:${tag}`,
    tlsVerify: destination.tlsVerify,
    ...(engine ? { engine } : {}),
    ...(destination.credentials ? { credentials: destination.credentials } : {}),
  });
}
