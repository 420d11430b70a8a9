import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { chunks } from '../store/chunks';
import type { InventoryTables, SiteRow } from '../store/inventory.tables';
import { containsPattern, lowerLike } from '../store/like-pattern';
import { namedOrderColumn, type NamedListOptions } from '../store/named-list';
import { nameKey } from '../store/name-key';

export interface SiteValues {
  name: string;
  description: string | null;
}

/** A site with the number of devices at it. */
export interface StoredSite extends SiteRow {
  device_count: number;
}

/** The inventory_sites table. */
@Injectable()
export class SitesRepository {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InventoryTables>) {}

  async findById(id: string): Promise<StoredSite | undefined> {
    return this.selectSites().where('s.id', '=', id).executeTakeFirst().then(normalise);
  }

  async findByName(name: string): Promise<StoredSite | undefined> {
    return this.selectSites().where('s.name_key', '=', nameKey(name)).executeTakeFirst().then(normalise);
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

  async count(q?: string): Promise<number> {
    let query = this.db.selectFrom('inventory_sites as s').select((eb) => eb.fn.countAll().as('count'));
    if (q) query = query.where(lowerLike(sql.ref('s.name'), containsPattern(q)));
    return Number((await query.executeTakeFirstOrThrow()).count);
  }

  async list(options: NamedListOptions): Promise<StoredSite[]> {
    const { column, direction } = namedOrderColumn(options.ordering);
    let query = this.selectSites().orderBy(`s.${column}`, direction).orderBy('s.name_key', direction).limit(options.limit).offset(options.offset);
    if (options.q) query = query.where(lowerLike(sql.ref('s.name'), containsPattern(options.q)));
    return (await query.execute()).map(withDeviceCount);
  }

  async insert(values: SiteValues, at: string): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('inventory_sites')
      .values({ id, ...values, name_key: nameKey(values.name), created_at: at, updated_at: at })
      .execute();
    return id;
  }

  async update(id: string, values: Partial<SiteValues>, at: string): Promise<boolean> {
    const patch = { ...values, updated_at: at, ...(values.name === undefined ? {} : { name_key: nameKey(values.name) }) };
    const result = await this.db.updateTable('inventory_sites').set(patch).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('inventory_sites').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  private selectSites() {
    return this.db
      .selectFrom('inventory_sites as s')
      .selectAll('s')
      .select((eb) =>
        eb
          .selectFrom('inventory_devices as d')
          .select((inner) => inner.fn.countAll().as('n'))
          .whereRef('d.site_id', '=', 's.id')
          .as('device_count'),
      );
  }
}

type WithDeviceCount<R> = Omit<R, 'device_count'> & { device_count: number };

/** PostgreSQL returns count(*) as a string. */
function withDeviceCount<R extends { device_count: unknown }>(row: R): WithDeviceCount<R> {
  return { ...row, device_count: Number(row.device_count ?? 0) };
}

function normalise<R extends { device_count: unknown }>(row: R | undefined): WithDeviceCount<R> | undefined {
  return row === undefined ? undefined : withDeviceCount(row);
}
