import type { ServerChannel } from 'ssh2';
import { STALLED_CLI_TEXT, promptLikeMotd } from './fault-texts';
import { isConfigurationOutput } from './config-output';
import type { LabDevice, LabFleet } from './lab-fleet';
import type { LabFault } from './lab-faults';
import { readLine, type Terminal } from './line-editor';
import { passLoginInterrupts } from './login-interrupts';
import { writePaged } from './pager';
import type { CommandResult, Persona, ShellContext } from './persona';
import { TerminalInput } from './terminal-input';
import { DEVICE_PACING, TRICKLE_PACING, TerminalOutput, toDeviceLineEndings } from './terminal-output';

/** Who logged in, with the terminal options the login username carried (MikroTik). */
export interface LoginIdentity {
  username: string;
  options: Record<string, string>;
}

export interface ShellSessionOptions {
  fleet: LabFleet;
  deviceName: string;
  channel: ServerChannel;
  login: LoginIdentity;
  /** Aborted when the channel or the whole connection closes. */
  closed: AbortSignal;
  /** Drops the TCP connection without any SSH goodbye (disconnect-mid-output). */
  dropConnection: () => void;
}

/** How a command ended for the session: go on, log out, or stop talking (closed or faulted). */
type Outcome = 'continue' | 'logout' | 'stop';

/** Drives a persona over one SSH channel the way a device CLI behaves. */
export class ShellSession {
  private mode: string;
  private pagingEnabled = true;
  private exitStatus = 0;
  private readonly terminal: Terminal;

  constructor(private readonly options: ShellSessionOptions) {
    this.mode = this.persona.modes[0];
    this.terminal = {
      input: new TerminalInput(options.channel, options.closed),
      output: new TerminalOutput(options.channel, options.closed, () =>
        this.hasFault('slow-trickle') ? TRICKLE_PACING : DEVICE_PACING,
      ),
    };
  }

  /** MOTD, login interrupts, then prompt and commands until logout or the client leaves. */
  async runShell(): Promise<void> {
    const motd = toDeviceLineEndings(this.persona.motd?.(this.context()) ?? '');
    if (this.hasFault('prompt-never-matches')) {
      await this.write(motd + STALLED_CLI_TEXT);
      return this.untilClosed();
    }
    await this.write(this.hasFault('banner-prompt-text') ? motd + promptLikeMotd() : motd);
    if (!(await passLoginInterrupts(this.device.faults, this.terminal))) return this.end(0);

    for (;;) {
      await this.write(toDeviceLineEndings(this.persona.prompt(this.context())));
      const line = await readLine(this.terminal, { echo: true });
      if (line === undefined) return this.end(0);
      if (line.trim() === '') continue;
      const outcome = await this.execute(line.trim());
      if (outcome === 'logout') return this.end(0);
      if (outcome === 'stop') return;
    }
  }

  /** One command without a terminal (`ssh host command`): no paging, exit status 1 if unknown. */
  async runExec(command: string): Promise<void> {
    this.pagingEnabled = false;
    if (command.trim() !== '' && (await this.execute(command.trim())) === 'stop') return;
    this.end(this.exitStatus);
  }

  private get device(): LabDevice {
    return this.options.fleet.device(this.options.deviceName);
  }

  private get persona(): Persona {
    return this.device.persona;
  }

  private hasFault(fault: LabFault): boolean {
    return this.device.faults.includes(fault);
  }

  private context(): ShellContext {
    const { identity, state } = this.device;
    return {
      device: identity,
      state,
      mode: this.mode,
      pagingEnabled: this.pagingEnabled,
      now: this.options.fleet.now(),
      username: this.options.login.username,
      loginOptions: this.options.login.options,
    };
  }

  private async execute(command: string): Promise<Outcome> {
    const context = this.context();
    const result = this.persona.run(command, context);
    if (result === undefined) {
      this.exitStatus = 1;
      await this.write(toDeviceLineEndings(this.persona.unknownCommand(command, context)));
      return this.options.closed.aborted ? 'stop' : 'continue';
    }
    this.exitStatus = 0;
    return this.apply(result, context);
  }

  private async apply(result: CommandResult, context: ShellContext): Promise<Outcome> {
    if (!(await this.print(result.output, context, !result.unpaged))) return 'stop';
    if (result.mode !== undefined) this.mode = result.mode;
    if (result.paging !== undefined) this.pagingEnabled = result.paging;
    if (result.secretPrompt) {
      await this.write(toDeviceLineEndings(result.secretPrompt.prompt));
      const secret = await readLine(this.terminal, { echo: false });
      if (secret === undefined) return 'stop';
      return this.apply(result.secretPrompt.onSecret(secret), this.context());
    }
    return result.close ? 'logout' : 'continue';
  }

  /** Prints command output, paged when paging is on; `false` when the session must stop talking. */
  private async print(output: string, context: ShellContext, pageable: boolean): Promise<boolean> {
    if (output === '') return !this.options.closed.aborted;
    const fault = this.midOutputFault(output, context);
    const full = output.endsWith('\n') ? output : `${output}\n`;
    const text = toDeviceLineEndings(fault ? full.slice(0, Math.floor(full.length / 2)) : full);
    const pageLines = this.pageLines();
    const paged = pageable && this.pagingEnabled && pageLines > 0;
    const written = paged ? await writePaged(text, this.persona, pageLines, this.terminal) : await this.write(text);
    if (fault === 'hang-mid-output') await this.untilClosed();
    if (fault === 'disconnect-mid-output') this.options.dropConnection();
    return fault === undefined && written !== 'closed' && !this.options.closed.aborted;
  }

  /** The persona's page length, unless the login username asked for a terminal height (MikroTik `+4098h`). */
  private pageLines(): number {
    const height = this.options.login.options['height'];
    return height !== undefined && /^\d+$/.test(height) ? Number(height) : this.persona.pageLines;
  }

  /** The mid-output faults strike only output that is the configuration. */
  private midOutputFault(output: string, context: ShellContext): LabFault | undefined {
    const fault = (['hang-mid-output', 'disconnect-mid-output'] as const).find((name) => this.hasFault(name));
    if (!fault) return undefined;
    const config = this.persona.renderConfig(context.device, context.state, context.now);
    return isConfigurationOutput(output, config.text) ? fault : undefined;
  }

  private async write(text: string): Promise<'complete' | 'closed'> {
    await this.terminal.output.write(text);
    return this.options.closed.aborted ? 'closed' : 'complete';
  }

  /** A faulty device's silence is real: the channel stays open until the client gives up. */
  private untilClosed(): Promise<void> {
    const { closed } = this.options;
    return new Promise((resolve) => {
      if (closed.aborted) resolve();
      else closed.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  private end(exitStatus: number): void {
    const { channel, closed } = this.options;
    if (closed.aborted) return;
    channel.exit(exitStatus);
    channel.end();
  }
}
