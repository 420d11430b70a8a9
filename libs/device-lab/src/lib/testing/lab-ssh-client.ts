import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import type { DeviceLab } from '../device-lab';

export const WAIT_MS = 5_000;

/**
 * Connects a plain ssh2 client to a lab device with the inventory's credentials;
 * `prepare` attaches listeners (keyboard-interactive, banner) before the handshake.
 */
export function connectTo(
  lab: DeviceLab,
  name: string,
  overrides: Partial<ConnectConfig> = {},
  prepare: (client: Client) => void = () => undefined,
): Promise<Client> {
  const device = lab.fleet.device(name);
  const client = new Client();
  prepare(client);
  return new Promise((resolve, reject) => {
    client.once('ready', () => resolve(client));
    client.once('error', reject);
    client.connect({
      host: device.identity.address,
      port: device.port,
      username: device.credentials.username,
      password: device.credentials.password,
      readyTimeout: WAIT_MS,
      ...overrides,
    });
  });
}

/** Collects what a channel prints and waits for text or for the channel to close, bounded. */
export class ChannelTranscript {
  text = '';
  closed = false;
  private readonly listeners = new Set<() => void>();

  constructor(readonly channel: ClientChannel) {
    channel.on('data', (chunk: Buffer) => this.append(chunk.toString('utf8')));
    channel.stderr.on('data', (chunk: Buffer) => this.append(chunk.toString('utf8')));
    channel.on('close', () => {
      this.closed = true;
      this.notify();
    });
  }

  static async shell(client: Client, pty = true): Promise<ChannelTranscript> {
    return new Promise((resolve, reject) => {
      const opened = (error: Error | undefined, channel: ClientChannel): void =>
        error ? reject(error) : resolve(new ChannelTranscript(channel));
      if (pty) client.shell({ term: 'vt100', rows: 24, cols: 80 }, opened);
      else client.shell(false, opened);
    });
  }

  /** Waits until the text printed after `from` matches `pattern`; returns that text. */
  waitFor(pattern: RegExp, from = 0, timeoutMs = WAIT_MS): Promise<string> {
    return this.until(() => pattern.test(this.text.slice(from)), `${pattern}`, timeoutMs).then(() =>
      this.text.slice(from),
    );
  }

  waitForClose(timeoutMs = WAIT_MS): Promise<void> {
    return this.until(() => this.closed, 'channel close', timeoutMs);
  }

  /** Sends a line and waits for the prompt after it; returns what the device printed in between. */
  async command(line: string, prompt: RegExp, timeoutMs = WAIT_MS): Promise<string> {
    const from = this.text.length;
    this.channel.write(`${line}\r`);
    return this.waitFor(prompt, from, timeoutMs);
  }

  private until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!condition()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${what} within ${timeoutMs} ms; received:\n${JSON.stringify(this.text.slice(-600))}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  private append(text: string): void {
    this.text += text;
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** Runs one command over exec and collects its output and exit status. */
export function execOn(client: Client, command: string): Promise<{ output: string; exitCode: number | undefined }> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) return reject(error);
      let output = '';
      let exitCode: number | undefined;
      channel.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      channel.on('exit', (code: number) => (exitCode = code));
      channel.on('close', () => resolve({ output, exitCode }));
    });
  });
}
