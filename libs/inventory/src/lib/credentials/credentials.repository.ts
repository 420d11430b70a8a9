import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { CredentialRow, CredentialTable, InventoryTables } from '../store/inventory.tables';
import { NamedCollectionRepository, type WithDeviceCount } from '../store/named-collection.repository';

/** Columns a write sets; secrets arrive sealed. */
export type CredentialValues = Omit<CredentialTable, 'id' | 'name_key' | 'created_at' | 'updated_at'>;

export type StoredCredential = WithDeviceCount<CredentialRow>;

/** The inventory_credentials table. Secrets stay sealed here; only services open them. */
@Injectable()
export class CredentialsRepository extends NamedCollectionRepository<CredentialRow, CredentialValues> {
  constructor(@Inject(DATABASE) db: Kysely<InventoryTables>) {
    super(db, 'inventory_credentials');
  }

  /** Every credential: imports compare generated credentials with the stored ones (there are few). */
  async listAll(): Promise<CredentialRow[]> {
    return this.db.selectFrom('inventory_credentials').selectAll().orderBy('name_key').execute();
  }
}
