import type { HostKey } from './host-key';

/**
 * Where host keys seen on first use are kept (trust on first use, as ssh does).
 * Names are known_hosts style: `host` or `[host]:port`.
 */
export interface HostKeyStore {
  get(name: string): Promise<HostKey | undefined>;
  set(name: string, key: HostKey): Promise<void>;
}

export class MemoryHostKeyStore implements HostKeyStore {
  private readonly keys = new Map<string, HostKey>();

  async get(name: string): Promise<HostKey | undefined> {
    return this.keys.get(name);
  }

  async set(name: string, key: HostKey): Promise<void> {
    this.keys.set(name, key);
  }
}
