import { parseKnownHosts, sameHostKey } from '@netkeep/ssh';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG } from '../config/config.constants';
import type { NetkeepConfig } from '../config/netkeep-config';
import type { NetkeepLogger } from '../logging/create-logger';
import { LOGGER } from '../logging/logging.constants';
import { DatabaseHostKeyStore } from './database-host-key-store';

/** Where earlier versions kept host keys in the data directory: the backup workers', then the poller's. */
export const LEGACY_KNOWN_HOSTS_FILES = ['known_hosts', 'telemetry-known_hosts'] as const;

/**
 * Carries host keys kept in data-directory files by earlier versions into the shared store, once,
 * before any session starts: an upgrade must not forget a key and trust whatever is offered next.
 * A file is renamed `<name>.imported` afterwards; a key that differs from one already in the
 * store is not imported, and the log names it.
 */
@Injectable()
export class KnownHostsImport implements OnModuleInit {
  constructor(
    @Inject(CONFIG) private readonly config: NetkeepConfig,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
    private readonly store: DatabaseHostKeyStore,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const file of LEGACY_KNOWN_HOSTS_FILES) await this.importFile(join(this.config.dataDir, file));
  }

  private async importFile(path: string): Promise<void> {
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (text === undefined) return;
    const conflicts: string[] = [];
    const keys = parseKnownHosts(text);
    for (const [name, key] of keys) {
      const recorded = await this.store.recordFirstSeen(name, key);
      if (!sameHostKey(recorded, key)) conflicts.push(name);
    }
    await rename(path, `${path}.imported`);
    this.logger.info({ file: path, keys: keys.size }, `imported ${keys.size} SSH host keys from ${path} into the database`);
    if (conflicts.length > 0) {
      this.logger.warn({ file: path, names: conflicts }, `${conflicts.length} keys in ${path} differ from the ones already recorded and were not imported: ${conflicts.join(', ')}`);
    }
  }
}
