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

  async recordFirstSeen(name: string, key: HostKey): Promise<HostKey> {
    const keys = await this.load();
    const known = keys.get(name);
    if (known) return known;
    keys.set(name, key);
    // A first-seen key is one appended line: a fleet's first backup stays linear.
    await this.enqueue(() => this.append(`${name} ${key.algorithm} ${key.base64}\n`));
    return key;
  }

  async replace(name: string, key: HostKey): Promise<void> {
    const keys = await this.load();
    keys.set(name, key);
    // Rewritten atomically, so the old key is gone and a reader never sees half a file.
    await this.enqueue(() => this.writeAtomically([...keys].map(([entry, k]) => `${entry} ${k.algorithm} ${k.base64}\n`).join('')));
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    this.writing = this.writing.then(write, write);
    return this.writing;
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

/** The keys of a known_hosts file by name. Comments and marker lines (@cert-authority, @revoked) are left out. */
export function parseKnownHosts(text: string): Map<string, HostKey> {
  const keys = new Map<string, HostKey>();
  for (const line of text.split('\n')) {
    const [names, algorithm, base64] = line.trim().split(/\s+/);
    if (!names || names.startsWith('#') || names.startsWith('@') || !algorithm || !base64) continue;
    for (const name of names.split(',')) keys.set(name, { algorithm, base64 });
  }
  return keys;
}
