import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { chunks } from '../store/chunks';
import type { InventoryTables, SiteRow } from '../store/inventory.tables';
import { NamedCollectionRepository, type WithDeviceCount } from '../store/named-collection.repository';
import { nameKey } from '../store/name-key';

export interface SiteValues {
  name: string;
  description: string | null;
}

/** A site with the number of devices at it. */
export type StoredSite = WithDeviceCount<SiteRow>;

/** The inventory_sites table. */
@Injectable()
export class SitesRepository extends NamedCollectionRepository<SiteRow, SiteValues> {
  constructor(@Inject(DATABASE) db: Kysely<InventoryTables>) {
    super(db, 'inventory_sites');
  }

  /** Sites with any of these names, keyed by name key. */
  async findByNames(names: readonly string[]): Promise<Map<string, SiteRow>> {
    const found = new Map<string, SiteRow>();
    for (const part of chunks([...new Set(names.map(nameKey))])) {
      const rows = await this.db.selectFrom('inventory_sites').selectAll().where('name_key', 'in', part).execute();
      for (const row of rows) found.set(row.name_key, row);
    }
    return found;
  }
}
