import type { HostKey } from './host-key';

/**
 * Where host keys seen on first use are kept (trust on first use, as ssh does).
 * Names are known_hosts style: `host` or `[host]:port`.
 *
 * Several processes may share one store (backup workers, the poller): the first key recorded
 * for a name wins, and every other process then checks against that one.
 */
export interface HostKeyStore {
  get(name: string): Promise<HostKey | undefined>;
  /** Records `key` unless `name` already has one; returns the key on record afterwards. */
  recordFirstSeen(name: string, key: HostKey): Promise<HostKey>;
  /** Records `key` in place of whatever `name` had (a change someone accepted). */
  replace(name: string, key: HostKey): Promise<void>;
  /** Notes a key that was refused because it differs from the one on record, for an operator to review and accept. */
  recordRefused?(name: string, offered: HostKey): Promise<void>;
}

export class MemoryHostKeyStore implements HostKeyStore {
  private readonly keys = new Map<string, HostKey>();

  async get(name: string): Promise<HostKey | undefined> {
    return this.keys.get(name);
  }

  async recordFirstSeen(name: string, key: HostKey): Promise<HostKey> {
    const known = this.keys.get(name);
    if (known) return known;
    this.keys.set(name, key);
    return key;
  }

  async replace(name: string, key: HostKey): Promise<void> {
    this.keys.set(name, key);
  }
}

