import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { InventoryTables } from './inventory.tables';
import { CredentialsRepository } from '../credentials/credentials.repository';
import { DevicesRepository } from '../devices/devices.repository';
import { SitesRepository } from '../sites/sites.repository';

/** The repositories bound to one transaction. */
export interface InventoryRepositories {
  devices: DevicesRepository;
  sites: SitesRepository;
  credentials: CredentialsRepository;
}

/** Runs work that must succeed or fail whole (an import) in one database transaction. */
@Injectable()
export class InventoryStore {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InventoryTables>) {}

  transaction<T>(work: (repositories: InventoryRepositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) =>
      work({ devices: new DevicesRepository(trx), sites: new SitesRepository(trx), credentials: new CredentialsRepository(trx) }),
    );
  }
}
