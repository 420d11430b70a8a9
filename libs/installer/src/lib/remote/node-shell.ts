import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Duplex } from 'node:stream';
import type { PlanNode } from '../plan/cluster-plan';
import type { SshConnection } from '../ssh/ssh-connection';
import { RemoteCommandError } from '../ssh/ssh-errors';
import type { CommandJournal } from './command-journal';
import { asRoot, sudoRefusal, type Privilege } from './privilege';
import { shellQuote } from './shell-quote';

/** A command for a node. The script never holds a secret: secrets travel in files or on stdin. */
export interface RemoteCommand {
  /** What it is for, in words: progress, the journal and error messages use it. */
  purpose: string;
  script: string;
  /** Run as root (directly, or through sudo). */
  root: boolean;
  /** Only reads the node's state: runs in a dry run too. */
  readOnly: boolean;
  timeoutMs?: number;
  /** Answer the result instead of throwing when the exit code is not 0. */
  allowFailure?: boolean;
}

export interface RemoteResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

/** A file to put on a node as root, verified by checksum and mode once there. */
export interface RemoteFile {
  purpose: string;
  remotePath: string;
  mode: number;
  /** Either the content or a local file to copy. */
  content?: string | Buffer;
  localPath?: string;
  /** The content a dry run may print (secrets replaced); omitted for binaries. */
  displayContent?: string;
}

export interface RemoteFileOutcome {
  changed: boolean;
  sha256: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * Everything the installer does on one node goes through here, so every command is journaled,
 * root is obtained the same way everywhere, and a dry run executes only what reads.
 */
export class NodeShell {
  private tempDir?: Promise<string>;

  constructor(
    readonly node: PlanNode,
    private readonly connection: SshConnection | undefined,
    private readonly privilege: Privilege,
    private readonly journal: CommandJournal,
    readonly dryRun: boolean,
  ) {}

  get connected(): boolean {
    return Boolean(this.connection?.connected);
  }

  async run(command: RemoteCommand): Promise<RemoteResult> {
    const { line, stdin } = command.root ? asRoot(command.script, this.privilege) : { line: command.script, stdin: undefined };
    const execute = !this.dryRun || command.readOnly;
    const entry = { node: this.node.name, kind: 'run' as const, purpose: command.purpose, text: line, readOnly: command.readOnly, executed: execute };
    if (!execute) {
      this.journal.record(entry);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    const started = Date.now();
    const result = await this.requireConnection().exec(line, { stdin, timeoutMs: command.timeoutMs ?? DEFAULT_TIMEOUT_MS });
    this.journal.record({ ...entry, exitCode: result.exitCode, durationMs: Date.now() - started });
    if (result.timedOut) {
      throw new RemoteCommandError(this.node.name, command.purpose, null, result.stderr, `${this.node.name}: ${command.purpose} did not finish within ${Math.round((command.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s`);
    }
    if (command.root && result.exitCode !== 0) this.checkSudo(result.stderr, command.purpose);
    if (result.exitCode !== 0 && !command.allowFailure) {
      throw new RemoteCommandError(this.node.name, command.purpose, result.exitCode, result.stderr || result.stdout);
    }
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
  }

  /**
   * Puts a file in place as root unless it is already there with the same checksum and mode:
   * SFTP to a private temporary folder as the login user, checksum checked there, then
   * `install` to the final path, then checksum and mode checked again at the final path.
   */
  async putFile(file: RemoteFile): Promise<RemoteFileOutcome> {
    const sha256 = await localSha256(file);
    const mode = file.mode.toString(8).padStart(4, '0');
    const target = shellQuote(file.remotePath);
    const current = await this.run({
      purpose: `check ${file.remotePath}`,
      script: `if [ -f ${target} ]; then sha256sum ${target} | cut -d' ' -f1; stat -c %a ${target}; fi`,
      root: true,
      readOnly: true,
    });
    const [currentSha, currentMode] = current.stdout.trim().split('\n');
    if (currentSha === sha256 && currentMode !== undefined && Number.parseInt(currentMode, 8) === file.mode) return { changed: false, sha256 };

    const text = `${file.remotePath} (mode ${mode}, sha256 ${sha256})`;
    if (this.dryRun) {
      this.journal.record({ node: this.node.name, kind: 'file', purpose: file.purpose, text, readOnly: false, executed: false, ...(file.displayContent !== undefined ? { content: file.displayContent } : {}) });
      return { changed: true, sha256 };
    }
    const tempPath = `${await this.privateTempDir()}/${file.remotePath.split('/').pop()}`;
    const started = Date.now();
    const connection = this.requireConnection();
    if (file.localPath) await connection.uploadFile(file.localPath, tempPath, 0o600);
    else await connection.writeFile(tempPath, file.content ?? '', 0o600);
    this.journal.record({ node: this.node.name, kind: 'file', purpose: file.purpose, text, readOnly: false, executed: true, durationMs: Date.now() - started });
    const temp = shellQuote(tempPath);
    const placed = await this.run({
      purpose: `install ${file.remotePath}`,
      script: [
        `printf '%s  %s\\n' ${sha256} ${temp} | sha256sum -c --status || { echo "checksum mismatch after upload of ${file.remotePath}" >&2; exit 3; }`,
        `install -D -m ${mode} -o 0 -g 0 ${temp} ${target}`,
        `rm -f ${temp}`,
        `sha256sum ${target} | cut -d' ' -f1`,
        `stat -c %a ${target}`,
      ].join(' && '),
      root: true,
      readOnly: false,
    });
    const [placedSha, placedMode] = placed.stdout.trim().split('\n');
    if (placedSha !== sha256 || placedMode === undefined || Number.parseInt(placedMode, 8) !== file.mode) {
      throw new RemoteCommandError(this.node.name, `install ${file.remotePath}`, 0, '', `${this.node.name}: ${file.remotePath} is sha256 ${placedSha} mode ${placedMode} after install, expected ${sha256} mode ${mode}`);
    }
    return { changed: true, sha256 };
  }

  forward(host: string, port: number): Promise<Duplex> {
    return this.requireConnection().forward(host, port);
  }

  /** Removes the temporary folder (best effort) and ends the SSH connection. */
  async close(): Promise<void> {
    if (this.tempDir && this.connection?.connected) {
      const dir = await this.tempDir.catch(() => undefined);
      if (dir) await this.connection.exec(`rm -rf ${shellQuote(dir)}`, { timeoutMs: 10_000 }).catch(() => undefined);
    }
    this.connection?.close();
  }

  private privateTempDir(): Promise<string> {
    this.tempDir ??= this.run({
      purpose: 'create a private temporary folder for uploads',
      script: 'mktemp -d /tmp/netkeep-installer.XXXXXX',
      root: false,
      readOnly: false,
    }).then((result) => result.stdout.trim());
    return this.tempDir;
  }

  private requireConnection(): SshConnection {
    if (!this.connection) throw new Error(`${this.node.name}: not connected`);
    return this.connection;
  }

  private checkSudo(stderr: string, purpose: string): void {
    const refusal = sudoRefusal(stderr);
    if (!refusal || this.privilege.kind === 'root') return;
    const fix = refusal === 'password-required'
      ? `sudo asks ${this.node.name}'s user for a password: allow it without one (a NOPASSWD line in /etc/sudoers.d/) or name the variable holding it in sudo.passwordEnv`
      : `sudo rejected the password from sudo.passwordEnv on ${this.node.name}`;
    throw new RemoteCommandError(this.node.name, purpose, 1, '', `${this.node.name}: ${purpose}: ${fix}`);
  }
}

async function localSha256(file: RemoteFile): Promise<string> {
  const hash = createHash('sha256');
  if (file.localPath) {
    for await (const chunk of createReadStream(file.localPath)) hash.update(chunk as Buffer);
  } else {
    hash.update(file.content ?? '');
  }
  return hash.digest('hex');
}
