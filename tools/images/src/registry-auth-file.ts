import { writeFile } from 'node:fs/promises';

/** A registry user; the password stays in memory and in a 0600 file the push deletes, never on a command line. */
export interface RegistryCredentials {
  username: string;
  password: string;
}

/**
 * Writes credentials for one registry host in the auth file format buildah and podman read
 * (`--authfile`) and docker reads as `config.json`: a file, unlike `--creds user:pass`, is not
 * visible in the process list nor repeated in a failed command's message.
 */
export async function writeRegistryAuthFile(path: string, registryHost: string, credentials: RegistryCredentials): Promise<void> {
  const auth = Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64');
  await writeFile(path, `${JSON.stringify({ auths: { [registryHost]: { auth } } })}\n`, { mode: 0o600 });
}
