import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Client, type ConnectConfig } from 'ssh2';
import { checkKnownHost, DEFAULT_KNOWN_HOSTS, hostKeyFingerprint } from './known-hosts';
import { formatSshTarget, type SshTarget } from './ssh-target';

/** Where K3S looks for image archives to import when its agent starts. */
export const K3S_AGENT_IMAGES_DIR = '/var/lib/rancher/k3s/agent/images';

export interface ImportImageOptions {
  /** The OCI archive to copy. */
  archivePath: string;
  targets: readonly SshTarget[];
  /** A private key file; without it, the SSH agent at `SSH_AUTH_SOCK`. */
  privateKeyPath?: string;
  /** Default `/var/lib/rancher/k3s/agent/images`. */
  imagesDir?: string;
  /** The k3s binary on the node; default `k3s`. */
  k3sCommand?: string;
  /** Default `~/.ssh/known_hosts`. */
  knownHostsPath?: string;
  connectTimeoutMs?: number;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** Copying or importing on one node failed; the message names the node and the step. */
export class NodeImageImportError extends Error {
  override readonly name = 'NodeImageImportError';
}

/**
 * Puts an image on K3S nodes that have no registry to pull from: copies the OCI archive over
 * SFTP into the agent's images directory (so the node imports it again after a restart) and
 * imports it now with `k3s ctr images import`, since not every K3S release watches that folder.
 * Nodes are done one after another so a failure names its node.
 */
export async function importImageToNodes(options: ImportImageOptions): Promise<void> {
  const auth = authentication(options);
  for (const target of options.targets) {
    await importOnNode(target, auth, options);
  }
}

function authentication(options: ImportImageOptions): Pick<ConnectConfig, 'privateKey' | 'agent'> {
  if (options.privateKeyPath) {
    try {
      return { privateKey: readFileSync(options.privateKeyPath) };
    } catch (error) {
      throw new NodeImageImportError(`SSH key ${options.privateKeyPath} cannot be read: ${(error as Error).message}`);
    }
  }
  const agent = (options.env ?? process.env)['SSH_AUTH_SOCK'];
  if (!agent) throw new NodeImageImportError('no SSH credentials: pass an SSH key file or start an SSH agent (SSH_AUTH_SOCK)');
  return { agent };
}

async function importOnNode(target: SshTarget, auth: Pick<ConnectConfig, 'privateKey' | 'agent'>, options: ImportImageOptions): Promise<void> {
  const node = formatSshTarget(target);
  const imagesDir = options.imagesDir ?? K3S_AGENT_IMAGES_DIR;
  const fileName = basename(options.archivePath);
  const client = await connect(target, auth, options);
  try {
    const sudo = (await run(client, node, 'id -u')).trim() === '0' ? '' : 'sudo -n ';
    // Without root the archive goes to /tmp first and moves with sudo: SFTP has no sudo.
    const uploadPath = sudo ? `/tmp/netkeep-${process.pid}-${fileName}` : `${imagesDir}/${fileName}`;
    if (!sudo) await run(client, node, `mkdir -p ${quote(imagesDir)}`);
    options.log?.(`copying ${fileName} to ${node}:${imagesDir}`);
    await upload(client, node, options.archivePath, uploadPath);
    const finalPath = `${imagesDir}/${fileName}`;
    if (sudo) await run(client, node, `${sudo}install -D -m 0644 ${quote(uploadPath)} ${quote(finalPath)} && rm -f ${quote(uploadPath)}`);
    const output = await run(client, node, `${sudo}${options.k3sCommand ?? 'k3s'} ctr -n k8s.io images import ${quote(finalPath)}`);
    options.log?.(`imported on ${node}: ${output.trim().split('\n').pop() ?? 'done'}`);
  } finally {
    client.end();
  }
}

function connect(target: SshTarget, auth: Pick<ConnectConfig, 'privateKey' | 'agent'>, options: ImportImageOptions): Promise<Client> {
  const node = formatSshTarget(target);
  return new Promise((resolve, reject) => {
    const client = new Client();
    let hostKeyProblem: string | undefined;
    client.once('ready', () => resolve(client));
    client.once('error', (error) => reject(new NodeImageImportError(`${node}: ${hostKeyProblem ?? `SSH connection failed: ${error.message}`}`)));
    client.connect({
      host: target.host,
      port: target.port,
      username: target.user,
      ...auth,
      readyTimeout: options.connectTimeoutMs ?? 20_000,
      hostVerifier: (key: Buffer) => {
        const verdict = checkKnownHost(options.knownHostsPath ?? DEFAULT_KNOWN_HOSTS, target.host, target.port, key);
        if (verdict === 'mismatch') {
          hostKeyProblem = `host key ${hostKeyFingerprint(key)} does not match known_hosts: refusing to copy anything there`;
          return false;
        }
        if (verdict === 'unknown') options.log?.(`${node} is not in known_hosts; its host key is ${hostKeyFingerprint(key)}`);
        return true;
      },
    });
  });
}

function run(client: Client, node: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) return reject(new NodeImageImportError(`${node}: cannot run ${command}: ${error.message}`));
      let stdout = '';
      let stderr = '';
      channel.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      channel.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      channel.on('close', (code: number | null) => {
        if (code === 0) return resolve(stdout);
        const detail = (stderr.trim() || stdout.trim()).split('\n').pop() ?? '';
        reject(new NodeImageImportError(`${node}: \`${command}\` exited with ${code}${detail ? `: ${detail}` : ''}`));
      });
    });
  });
}

function upload(client: Client, node: string, localPath: string, remotePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    client.sftp((error, sftp) => {
      if (error) return reject(new NodeImageImportError(`${node}: SFTP unavailable: ${error.message}`));
      sftp.fastPut(localPath, remotePath, { mode: 0o644 }, (putError) => {
        sftp.end();
        if (putError) reject(new NodeImageImportError(`${node}: copying to ${remotePath} failed: ${putError.message}`));
        else resolve();
      });
    });
  });
}

/** POSIX single-quoting for a remote shell. */
function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
