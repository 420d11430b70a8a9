import { readFileSync } from 'node:fs';
import type { Duplex, Readable } from 'node:stream';
import { Client, utils, type AnyAuthMethod, type AuthHandlerMiddleware, type ClientChannel, type SFTPWrapper } from 'ssh2';
import { checkKnownHost, hostKeyFingerprint } from '@netkeep/kube';
import { SshConnectionError } from './ssh-errors';
import type { SshHop, SshRoute } from './ssh-route';

export interface ExecOptions {
  /** Written to the command's stdin, then stdin is closed. Never logged. */
  stdin?: string;
  timeoutMs: number;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  /** null when the command was ended by a signal or timed out. */
  exitCode: number | null;
  timedOut: boolean;
}

const KEEPALIVE_INTERVAL_MS = 10_000;
const KEEPALIVE_COUNT_MAX = 3;

/**
 * One logged-in SSH session to a node, through its jump hosts (each hop tunnelled with
 * forwardOut through the previous one): runs commands, writes files over SFTP, opens TCP
 * connections from the node's side. A dropped connection fails whatever is running on it.
 */
export class SshConnection {
  private lost?: SshConnectionError;
  private readonly running = new Set<(error: Error) => void>();
  private sftpSession?: Promise<SFTPWrapper>;

  private constructor(
    private readonly clients: Client[],
    readonly label: string,
    /** Every host key seen on the way: `host:port SHA256:…`. */
    readonly hostKeys: string[],
  ) {
    const target = clients[clients.length - 1] as Client;
    target.on('close', () => {
      this.lost ??= new SshConnectionError(label, 'lost', 'the SSH connection was lost');
      this.running.forEach((fail) => fail(this.lost as Error));
    });
  }

  static async open(route: SshRoute): Promise<SshConnection> {
    const clients: Client[] = [];
    const hostKeys: string[] = [];
    try {
      let previous: Client | undefined;
      for (const hop of [...route.jumps, route.target]) {
        const sock = previous ? await forwardThrough(previous, hop) : undefined;
        const client = await connectHop(hop, sock, hostKeys);
        clients.push(client);
        previous = client;
      }
    } catch (error) {
      clients.reverse().forEach((client) => client.end());
      throw error;
    }
    return new SshConnection(clients, route.target.label, hostKeys);
  }

  get connected(): boolean {
    return !this.lost;
  }

  exec(command: string, options: ExecOptions): Promise<ExecResult> {
    if (this.lost) return Promise.reject(this.lost);
    const client = this.target;
    return new Promise<ExecResult>((resolve, reject) => {
      let settled = false;
      let channel: ClientChannel | undefined;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.running.delete(fail);
        outcome();
      };
      const fail = (error: Error) => finish(() => reject(error));
      const timer = setTimeout(() => {
        channel?.close();
        finish(() => resolve({ stdout, stderr, exitCode: null, timedOut: true }));
      }, options.timeoutMs);
      let stdout = '';
      let stderr = '';
      this.running.add(fail);
      client.exec(command, (error, opened) => {
        if (error) return fail(new SshConnectionError(this.label, 'lost', `cannot open a session: ${error.message}`, { cause: error }));
        channel = opened;
        opened.setEncoding('utf8');
        opened.stderr.setEncoding('utf8');
        opened.on('data', (chunk: string) => (stdout += chunk));
        opened.stderr.on('data', (chunk: string) => (stderr += chunk));
        opened.on('close', (code: number | null) => finish(() => resolve({ stdout, stderr, exitCode: typeof code === 'number' ? code : null, timedOut: false })));
        if (options.stdin !== undefined) opened.write(options.stdin);
        opened.end();
      });
    });
  }

  /** Writes `content` to `remotePath` with `mode`, as the login user. */
  async writeFile(remotePath: string, content: Buffer | string, mode: number): Promise<void> {
    const sftp = await this.sftp();
    await new Promise<void>((resolve, reject) => {
      sftp.writeFile(remotePath, content, { mode }, (error) => (error ? reject(this.sftpError('write', remotePath, error)) : resolve()));
    });
  }

  /** Copies a local file to `remotePath` with `mode`, in parallel chunks (images tarballs are large). */
  async uploadFile(localPath: string, remotePath: string, mode: number): Promise<void> {
    const sftp = await this.sftp();
    await new Promise<void>((resolve, reject) => {
      sftp.fastPut(localPath, remotePath, { mode }, (error) => (error ? reject(this.sftpError('upload', remotePath, error)) : resolve()));
    });
  }

  /** A TCP connection made by the node to `host:port` (the node's own API server, say). */
  forward(host: string, port: number): Promise<Duplex> {
    if (this.lost) return Promise.reject(this.lost);
    return new Promise((resolve, reject) => {
      this.target.forwardOut('127.0.0.1', 0, host, port, (error, stream) => {
        if (error) reject(new SshConnectionError(this.label, 'connect', `the node cannot open ${host}:${port}: ${error.message}`, { cause: error }));
        else resolve(stream);
      });
    });
  }

  close(): void {
    [...this.clients].reverse().forEach((client) => client.end());
  }

  private get target(): Client {
    return this.clients[this.clients.length - 1] as Client;
  }

  private sftp(): Promise<SFTPWrapper> {
    if (this.lost) return Promise.reject(this.lost);
    this.sftpSession ??= new Promise((resolve, reject) => {
      this.target.sftp((error, sftp) => (error ? reject(new SshConnectionError(this.label, 'lost', `SFTP is not available: ${error.message}`)) : resolve(sftp)));
    });
    return this.sftpSession;
  }

  private sftpError(action: string, path: string, error: Error): Error {
    return this.lost ?? new SshConnectionError(this.label, 'lost', `cannot ${action} ${path} over SFTP: ${error.message}`, { cause: error });
  }
}

function forwardThrough(jump: Client, hop: SshHop): Promise<Readable> {
  return new Promise((resolve, reject) => {
    jump.forwardOut('127.0.0.1', 0, hop.host, hop.port, (error, stream) => {
      if (error) reject(new SshConnectionError(hop.label, 'connect', `the jump host cannot reach ${hop.host}:${hop.port}: ${error.message}`, { cause: error }));
      else resolve(stream);
    });
  });
}

function connectHop(hop: SshHop, sock: Readable | undefined, hostKeys: string[]): Promise<Client> {
  const methods = authMethods(hop);
  return new Promise((resolve, reject) => {
    const client = new Client();
    let hostKeyProblem: SshConnectionError | undefined;
    const tried: string[] = [];
    const queue = [...methods.methods];
    const authHandler: AuthHandlerMiddleware = (_left, _partial, next) => {
      const method = queue.shift();
      if (!method) return next(false as unknown as AnyAuthMethod);
      tried.push(describeMethod(method, methods.keyFiles));
      next(method);
    };
    let settled = false;
    client.once('ready', () => {
      settled = true;
      resolve(client);
    });
    // Errors after the first (a reset after a refused login) or after ready (a dropped link,
    // seen as 'close' by the connection) must not go unhandled.
    client.on('error', (error: Error & { level?: string; code?: string }) => {
      if (settled) return;
      settled = true;
      client.end();
      if (hostKeyProblem) return reject(hostKeyProblem);
      if (error.level === 'client-authentication') {
        return reject(new SshConnectionError(hop.label, 'auth', `${hop.username}@${hop.host}:${hop.port} refused every credential (tried ${tried.join(', ') || 'none'}). ${authFix(hop, methods)}`));
      }
      if (error.level === 'client-timeout') {
        return reject(new SshConnectionError(hop.label, 'connect', `no SSH handshake from ${hop.host}:${hop.port} within ${hop.connectTimeoutMs / 1000} s`));
      }
      reject(new SshConnectionError(hop.label, 'connect', `cannot connect to ${hop.host}:${hop.port}: ${connectReason(error)}`, { cause: error }));
    });
    client.connect({
      host: hop.host,
      port: hop.port,
      username: hop.username,
      ...(sock ? { sock } : {}),
      readyTimeout: hop.connectTimeoutMs,
      keepaliveInterval: KEEPALIVE_INTERVAL_MS,
      keepaliveCountMax: KEEPALIVE_COUNT_MAX,
      authHandler,
      hostVerifier: (key: Buffer) => {
        const fingerprint = hostKeyFingerprint(key);
        hostKeys.push(`${hop.host}:${hop.port} ${fingerprint}`);
        if (hop.hostKeyPolicy === 'off') return true;
        const verdict = checkKnownHost(hop.knownHostsFile, hop.host, hop.port, key);
        if (verdict === 'known' || (verdict === 'unknown' && hop.hostKeyPolicy === 'accept-new')) return true;
        hostKeyProblem = new SshConnectionError(
          hop.label,
          'host-key',
          verdict === 'mismatch'
            ? `the host key of ${hop.host}:${hop.port} (${fingerprint}) differs from the one in ${hop.knownHostsFile}: if the node was reinstalled, remove the old line with ssh-keygen -R ${hop.host}`
            : `${hop.host}:${hop.port} is not in ${hop.knownHostsFile} and hostKeyChecking is strict: add it with ssh-keyscan -p ${hop.port} ${hop.host} >> ${hop.knownHostsFile} after checking ${fingerprint}`,
        );
        return false;
      },
    });
  });
}

interface HopAuth {
  methods: AnyAuthMethod[];
  keyFiles: Map<AnyAuthMethod, string>;
  unreadableKeys: string[];
}

/** Keys first, then the agent, then the password: the order OpenSSH prefers. */
function authMethods(hop: SshHop): HopAuth {
  const methods: AnyAuthMethod[] = [];
  const keyFiles = new Map<AnyAuthMethod, string>();
  const unreadableKeys: string[] = [];
  for (const file of hop.identityFiles) {
    let key: Buffer;
    try {
      key = readFileSync(file);
    } catch {
      unreadableKeys.push(`${file} (cannot be read)`);
      continue;
    }
    const parsed = utils.parseKey(key);
    if (parsed instanceof Error) {
      unreadableKeys.push(/encrypted/i.test(parsed.message) ? `${file} (encrypted: load it into ssh-agent)` : `${file} (${parsed.message})`);
      continue;
    }
    const method: AnyAuthMethod = { type: 'publickey', username: hop.username, key };
    methods.push(method);
    keyFiles.set(method, file);
  }
  if (hop.agentSocket) methods.push({ type: 'agent', username: hop.username, agent: hop.agentSocket });
  if (hop.password !== undefined) methods.push({ type: 'password', username: hop.username, password: hop.password });
  return { methods, keyFiles, unreadableKeys };
}

function describeMethod(method: AnyAuthMethod, keyFiles: Map<AnyAuthMethod, string>): string {
  if (method.type === 'publickey') return `key ${keyFiles.get(method)}`;
  if (method.type === 'agent') return 'ssh-agent';
  return method.type;
}

function authFix(hop: SshHop, auth: HopAuth): string {
  const hints: string[] = [];
  if (auth.unreadableKeys.length) hints.push(`unusable keys: ${auth.unreadableKeys.join(', ')}`);
  if (hop.passwordEnv && hop.password === undefined) hints.push(`${hop.passwordEnv} is not set`);
  hints.push(`check the user, install a key with ssh-copy-id -p ${hop.port} ${hop.username}@${hop.host}, or set identityFile / passwordEnv in the plan`);
  return hints.join('; ');
}

function connectReason(error: Error & { code?: string }): string {
  if (error.code === 'ECONNREFUSED') return 'connection refused (is sshd running and listening on that port?)';
  if (error.code === 'EHOSTUNREACH' || error.code === 'ENETUNREACH') return 'no route to the host (wrong address, or it needs a jumpHost?)';
  if (error.code === 'ENOTFOUND') return 'the name does not resolve';
  if (error.code === 'ETIMEDOUT') return 'timed out';
  return error.message;
}
