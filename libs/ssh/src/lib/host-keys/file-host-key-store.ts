import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { HostKey } from './host-key';
import type { HostKeyStore } from './host-key-store';

/**
 * Host keys in a known_hosts-format file (`name algorithm base64`, one per line), so an
 * operator can read it, diff it, or seed it from their own ~/.ssh/known_hosts.
 * Writes are serialised and atomic: concurrent sessions never lose each other's keys.
 */
export class FileHostKeyStore implements HostKeyStore {
  private keys?: Promise<Map<string, HostKey>>;
  private writing: Promise<void> = Promise.resolve();
  private directory?: Promise<void>;

  constructor(private readonly path: string) {}

  async get(name: string): Promise<HostKey | undefined> {
    return (await this.load()).get(name);
  }

  async set(name: string, key: HostKey): Promise<void> {
    const keys = await this.load();
    const replacing = keys.has(name);
    keys.set(name, key);
    const line = `${name} ${key.algorithm} ${key.base64}\n`;
    // A first-seen key is one appended line (a fleet's first backup stays linear); a
    // replaced key rewrites the file atomically so the old key is gone.
    const whole = () => [...keys].map(([entry, k]) => `${entry} ${k.algorithm} ${k.base64}\n`).join('');
    this.writing = this.writing.then(() => (replacing ? this.writeAtomically(whole()) : this.append(line)));
    await this.writing;
  }

  private async append(line: string): Promise<void> {
    await this.ensureDirectory();
    await appendFile(this.path, line, { mode: 0o600 });
  }

  /** Once per store: a fleet's first backup appends a thousand keys, each a syscall fewer. */
  private ensureDirectory(): Promise<void> {
    this.directory ??= mkdir(dirname(this.path), { recursive: true, mode: 0o700 }).then(
      () => undefined,
      (error: Error) => {
        this.directory = undefined;
        throw error;
      },
    );
    return this.directory;
  }

  private load(): Promise<Map<string, HostKey>> {
    this.keys ??= readFile(this.path, 'utf8').then(parseKnownHosts, (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return new Map<string, HostKey>();
      throw error;
    });
    return this.keys;
  }

  private async writeAtomically(text: string): Promise<void> {
    await this.ensureDirectory();
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, this.path);
  }
}

function parseKnownHosts(text: string): Map<string, HostKey> {
  const keys = new Map<string, HostKey>();
  for (const line of text.split('\n')) {
    const [names, algorithm, base64] = line.trim().split(/\s+/);
    if (!names || names.startsWith('#') || !algorithm || !base64) continue;
    for (const name of names.split(',')) keys.set(name, { algorithm, base64 });
  }
  return keys;
}
