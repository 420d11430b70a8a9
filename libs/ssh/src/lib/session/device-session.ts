import { cleanConfig } from '../config-cleaner';
import type { CryptoProfileName } from '../crypto-profiles';
import { targetAddress, type DeviceTarget } from '../device-target';
import type { HostKeyStore } from '../host-keys/host-key-store';
import type { DeviceFacts, PlatformDefinition } from '../platform-definition';
import { requirePlatform } from '../platform-registry';
import { CommandFailedError, SessionError } from '../session-error';
import { channelShellStream } from '../shell/channel-shell-stream';
import { ShellReader, type ReadUntil } from '../shell/shell-reader';
import type { ShellStream } from '../shell/shell-stream';
import { normaliseTerminalText } from '../shell/terminal-text';
import { openDeviceConnection, type DeviceConnection } from '../transport/open-connection';
import { DEFAULT_TIMEOUTS, type PhaseTimeouts } from './session-timeouts';
import { recordingShellStream, type TranscriptEvent } from './session-transcript';

export interface SessionOptions {
  timeouts?: Partial<PhaseTimeouts>;
  /** Host keys seen on first use; without a store every key is accepted. */
  hostKeys?: HostKeyStore;
  /** Accept (and record) a host key that differs from the known one. */
  acceptChangedHostKey?: boolean;
  /** Appends the shell dialogue here (golden fixtures, troubleshooting). */
  transcript?: TranscriptEvent[];
}

export interface RunOptions {
  /** The prompt that ends this command's output, when the command changes mode. */
  expectPrompt?: RegExp;
  /** Return the output even if it matches a failure pattern. */
  allowFailure?: boolean;
}

const TERMINAL = { term: 'vt100', cols: 511, rows: 1000, width: 0, height: 0 };
/** Lines at the top of an output where a device reports a rejected command. */
const FAILURE_SCAN_LINES = 4;

/**
 * An interactive CLI session with one device, driven by its platform definition: log in,
 * reach the prompt, prepare the terminal, run commands, fetch configuration and facts.
 */
export class DeviceSession {
  private prompt = '';
  private promptPattern!: RegExp;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly target: DeviceTarget,
    readonly platform: PlatformDefinition,
    readonly cryptoProfile: CryptoProfileName,
    private readonly reader: ShellReader,
    private readonly timeouts: PhaseTimeouts,
    private readonly connection?: DeviceConnection,
  ) {}

  static async open(target: DeviceTarget, options: SessionOptions = {}): Promise<DeviceSession> {
    const platform = requirePlatform(target.platform);
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    const login = { ...target, username: platform.loginUsername?.(target.username) ?? target.username };
    const connection = await openDeviceConnection(login, { ...timeouts, ...options });
    try {
      const channel = await openShell(connection, target, timeouts.promptMs);
      let stream = channelShellStream(channel);
      if (options.transcript) stream = recordingShellStream(stream, options.transcript);
      return await DeviceSession.attach(stream, target, { ...options, connection, platform });
    } catch (error) {
      connection.end();
      throw error;
    }
  }

  /** Runs the session over an already open shell stream (a live channel, or a recording). */
  static async attach(
    stream: ShellStream,
    target: DeviceTarget,
    options: SessionOptions & { connection?: DeviceConnection; platform?: PlatformDefinition } = {},
  ): Promise<DeviceSession> {
    const platform = options.platform ?? requirePlatform(target.platform);
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    const reader = new ShellReader(stream, { device: target.name, address: targetAddress(target) });
    const profile = options.connection?.cryptoProfile ?? target.cryptoProfile ?? 'modern';
    const session = new DeviceSession(target, platform, profile, reader, timeouts, options.connection);
    try {
      await session.prepare();
      return session;
    } catch (error) {
      await session.close();
      throw error;
    }
  }

  /** Runs one command and returns its output without the echo and the prompt. */
  run(command: string, options: RunOptions = {}): Promise<string> {
    return this.serialise(() => this.execute(command, options));
  }

  /** The configuration, cleaned: volatile lines dropped and secrets masked unless asked not to. */
  async getConfig(options: { maskSecrets?: boolean } = {}): Promise<string> {
    const outputs: string[] = [];
    for (const command of this.platform.configCommands) outputs.push(await this.run(command));
    return cleanConfig(outputs.join('\n'), this.platform, { maskSecrets: options.maskSecrets ?? true });
  }

  async getFacts(): Promise<DeviceFacts> {
    const outputs: Record<string, string> = {};
    for (const command of this.platform.factsCommands) {
      // A facts command some models lack (show inventory) must not cost the others.
      outputs[command] = await this.run(command, { allowFailure: true });
    }
    return this.platform.parseFacts(outputs);
  }

  /** Says goodbye the vendor's way and releases the connection; safe to call twice. */
  async close(): Promise<void> {
    if (!this.reader.isClosed && this.prompt) {
      const newline = this.platform.newline ?? '\n';
      for (const command of this.platform.onClose) this.reader.write(command + newline);
    }
    await new Promise<void>((resolve) => {
      if (this.reader.isClosed && !this.connection) return resolve();
      const timer = setTimeout(() => {
        this.connection?.client.destroy();
        resolve();
      }, 1_000);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      if (this.connection) this.connection.client.once('close', done);
      else this.reader.onceClosed(done);
      this.connection?.end();
      if (!this.connection) this.reader.closeStream();
    });
  }

  private async prepare(): Promise<void> {
    const { platform, timeouts } = this;
    const answers = [...(platform.loginInterrupts ?? []), ...platform.pagers];
    const stepRead = { answers, phase: 'prompt' as const, idleMs: timeouts.promptMs, totalMs: timeouts.commandTotalMs, showLastLine: true };
    // Compared without trailing blanks: a packet may end between the prompt and its space.
    let previous = (await this.reader.read({ ...stepRead, stops: [platform.prompt] })).stopLine.trimEnd();
    // A banner line that looks like a prompt can end a chunk; a fresh prompt after Enter
    // that repeats the one before proves we are in step with the device.
    for (let attempt = 0; attempt < 5; attempt++) {
      this.reader.write(platform.newline ?? '\n');
      const current = (await this.reader.read({ ...stepRead, stops: [platform.prompt] })).stopLine.trimEnd();
      if (current === previous) break;
      previous = current;
    }
    this.learnPrompt(previous);
    await this.escalate();
    for (const command of platform.onOpen) await this.execute(command, { allowFailure: true });
  }

  private async escalate(): Promise<void> {
    const escalation = this.platform.privilege;
    if (!escalation || escalation.privilegedPrompt.test(this.prompt)) return;
    const newline = this.platform.newline ?? '\n';
    const read: Omit<ReadUntil, 'stops'> = { phase: 'prompt', idleMs: this.timeouts.promptMs, totalMs: this.timeouts.promptMs * 2, showLastLine: true };
    this.reader.write(escalation.command + newline);
    let reply = await this.reader.read({ ...read, stops: [escalation.privilegedPrompt, escalation.secretPrompt, this.platform.prompt] });
    if (reply.stop === 1) {
      if (this.target.enableSecret === undefined) {
        this.reader.write(newline);
        throw this.error('auth', `"${escalation.command}" asks for a secret and the device has no enable secret`);
      }
      this.reader.write(this.target.enableSecret + newline);
      reply = await this.reader.read({ ...read, stops: [escalation.privilegedPrompt, escalation.secretPrompt, this.platform.prompt] });
    }
    if (reply.stop !== 0) throw this.error('auth', `enable secret rejected: still not privileged after "${escalation.command}"`);
    this.learnPrompt(reply.stopLine);
  }

  private async execute(command: string, options: RunOptions): Promise<string> {
    const newline = this.platform.newline ?? '\n';
    this.reader.write(command + newline);
    const { text } = await this.reader.read({
      stops: [options.expectPrompt ?? this.promptPattern],
      answers: this.platform.pagers,
      cutAnswered: true,
      phase: 'command',
      idleMs: this.timeouts.commandIdleMs,
      totalMs: this.timeouts.commandTotalMs,
    });
    const output = commandOutput(text, command);
    if (!options.allowFailure && this.platform.failurePatterns.some((pattern) => failedBy(pattern, output))) {
      throw new CommandFailedError(command, output, { device: this.target.name, address: targetAddress(this.target) });
    }
    return output;
  }

  private learnPrompt(line: string): void {
    this.prompt = line.trimEnd();
    this.promptPattern = new RegExp(`${escapeRegExp(this.prompt)}\\s*$`);
  }

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private error(phase: SessionError['phase'], message: string): SessionError {
    return new SessionError(message, { device: this.target.name, address: targetAddress(this.target), phase });
  }
}

function openShell(connection: DeviceConnection, target: DeviceTarget, timeoutMs: number) {
  return new Promise<import('ssh2').ClientChannel>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SessionError(`no shell within ${timeoutMs}ms`, { device: target.name, address: targetAddress(target), phase: 'prompt' })), timeoutMs);
    connection.client.shell(TERMINAL, (error, channel) => {
      clearTimeout(timer);
      if (error) reject(new SessionError(`shell refused: ${error.message}`, { device: target.name, address: targetAddress(target), phase: 'prompt', cause: error }));
      else resolve(channel);
    });
  });
}

/** Output between the echoed command line and the prompt, as plain text. */
function commandOutput(raw: string, command: string): string {
  const lines = normaliseTerminalText(raw).split('\n');
  lines.pop();
  // Devices repaint or wrap long echoes; the first line is the echo when it ends with the command's tail.
  if (lines.length > 0 && lines[0].trimEnd().endsWith(command.slice(-20).trimEnd())) lines.shift();
  return lines.join('\n');
}

function failedBy(pattern: RegExp, output: string): boolean {
  let scanned = 0;
  for (const line of output.split('\n', 16)) {
    if (line.trim() === '') continue;
    if (pattern.test(line)) return true;
    if (++scanned >= FAILURE_SCAN_LINES) return false;
  }
  return false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
