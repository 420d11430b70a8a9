import { access, constants, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port';
import { generateEd25519KeyPair, type GeneratedKeyPair } from './ssh-keygen';
import { renderSshdConfig } from './sshd-config';
import { SSHD_PATH, SshdProcess, SshdStartError } from './sshd-process';

export interface OpenSshServerOptions {
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** Default: a free port, retried when another process takes it first. */
  port?: number;
  /** Default true: jump-host tests tunnel through this server. */
  allowTcpForwarding?: boolean;
  /** Run sshd inside this network namespace (`ip netns exec <netns>`). */
  netns?: string;
  /** How long sshd may take to print `Server listening on`; default 10 s. */
  readyTimeoutMs?: number;
}

/** A real sshd for one test: its own host key, one client key, one user let in by key only. */
export interface OpenSshServer {
  host: string;
  port: number;
  /** The account the server lets in: the user running the tests (root here). */
  username: string;
  /** OpenSSH-format ed25519 private key, unencrypted, authorized for `username`. */
  privateKey: string;
  privateKeyPath: string;
  /** The server's host key line: `ssh-ed25519 AAAA… comment`. */
  hostPublicKey: string;
  /** `SHA256:…` as `ssh-keygen -lf` prints it. */
  hostKeyFingerprint: string;
  /** Everything sshd printed on stderr so far. */
  logs(): string;
  /** Kills sshd and its sessions, waits for it to exit, removes its files. Safe to call twice. */
  stop(): Promise<void>;
}

const PORT_ATTEMPTS = 5;
const DEFAULT_READY_TIMEOUT_MS = 10_000;
/** Privilege separation directory; sshd refuses to start without it. */
const PRIVSEP_DIR = '/run/sshd';

export async function startOpenSshServer(options: OpenSshServerOptions = {}): Promise<OpenSshServer> {
  await assertSshdInstalled();
  await mkdir(PRIVSEP_DIR, { recursive: true, mode: 0o755 });
  const host = options.host ?? '127.0.0.1';
  const workDir = await mkdtemp(join(tmpdir(), 'netkeep-sshd-'));
  try {
    const username = userInfo().username;
    const hostKey = await generateEd25519KeyPair(join(workDir, 'ssh_host_ed25519_key'), 'netkeep-test-host');
    const clientKey = await generateEd25519KeyPair(join(workDir, 'client_ed25519'), `netkeep-test-client@${host}`);
    const authorizedKeysPath = join(workDir, 'authorized_keys');
    await writeFile(authorizedKeysPath, `${clientKey.publicKey}\n`, { mode: 0o600 });
    const config = { host, username, hostKeyPath: hostKey.privateKeyPath, authorizedKeysPath, workDir, options };
    const { port, sshd } = await launchOnFreePort(config);
    return serverHandle({ host, port, username, clientKey, hostKey, sshd, workDir });
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

async function assertSshdInstalled(): Promise<void> {
  try {
    await access(SSHD_PATH, constants.X_OK);
  } catch {
    throw new Error(`OpenSSH server not found at ${SSHD_PATH}: apt-get install openssh-server`);
  }
}

interface LaunchConfig {
  host: string;
  username: string;
  hostKeyPath: string;
  authorizedKeysPath: string;
  workDir: string;
  options: OpenSshServerOptions;
}

/** A free port is only a guess until sshd binds it: another process may win, so try again. */
async function launchOnFreePort(config: LaunchConfig): Promise<{ port: number; sshd: SshdProcess }> {
  const { host, options, workDir } = config;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await choosePort(host, options.netns));
    const configPath = join(workDir, 'sshd_config');
    const sshdConfig = renderSshdConfig({
      host,
      port,
      username: config.username,
      hostKeyPath: config.hostKeyPath,
      authorizedKeysPath: config.authorizedKeysPath,
      pidFilePath: join(workDir, 'sshd.pid'),
      allowTcpForwarding: options.allowTcpForwarding ?? true,
    });
    await writeFile(configPath, sshdConfig, { mode: 0o600 });
    try {
      const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
      const address = `${host}:${port}`;
      const sshd = await SshdProcess.launch({ configPath, netns: options.netns, readyTimeoutMs, address });
      return { port, sshd };
    } catch (error) {
      const raced = error instanceof SshdStartError && error.addressInUse && options.port === undefined;
      if (!raced || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

/** Inside a network namespace the host's free ports say nothing; a random high port is as good. */
function choosePort(host: string, netns: string | undefined): Promise<number> {
  if (netns) return Promise.resolve(20_000 + Math.floor(Math.random() * 40_000));
  return findFreePort(host);
}

interface ServerParts {
  host: string;
  port: number;
  username: string;
  clientKey: GeneratedKeyPair;
  hostKey: GeneratedKeyPair;
  sshd: SshdProcess;
  workDir: string;
}

function serverHandle(parts: ServerParts): OpenSshServer {
  const { sshd, workDir } = parts;
  let stopped: Promise<void> | undefined;
  return {
    host: parts.host,
    port: parts.port,
    username: parts.username,
    privateKey: parts.clientKey.privateKey,
    privateKeyPath: parts.clientKey.privateKeyPath,
    hostPublicKey: parts.hostKey.publicKey,
    hostKeyFingerprint: parts.hostKey.fingerprint,
    logs: () => sshd.logs(),
    stop: () => (stopped ??= sshd.stop().then(() => rm(workDir, { recursive: true, force: true }))),
  };
}
