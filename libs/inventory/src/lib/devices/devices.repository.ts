import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type OrderByItemBuilder, type SelectQueryBuilder } from 'kysely';
import { randomUUID } from 'node:crypto';
import { chunks } from '../store/chunks';
import type { DeviceRow, DeviceTable, InventoryTables } from '../store/inventory.tables';
import { containsPattern, lowerLike } from '../store/like-pattern';
import { nameKey } from '../store/name-key';

/** Every device column a write sets; facts are written by `updateFacts` only. */
export type DeviceValues = Omit<
  DeviceTable,
  'id' | 'name_key' | 'created_at' | 'updated_at' | 'facts_model' | 'facts_serial' | 'facts_os_version' | 'facts_collected_at'
>;

/** A device row with its site's name and its tags. */
export interface StoredDevice extends DeviceRow {
  site_name: string | null;
  tags: string[];
}

export interface DeviceFilter {
  /** Any of these ids. */
  ids?: readonly string[];
  /** Any of these names (case-insensitive). */
  names?: readonly string[];
  /** Exactly this host (syslog sources). */
  host?: string;
  siteId?: string;
  role?: string;
  /** Canonical platform name. */
  platform?: string;
  /** Every tag must be present (AND). */
  tags?: readonly string[];
  enabled?: boolean;
  /** Case-insensitive substring of name, host or notes. */
  q?: string;
  credentialId?: string;
}

export type DeviceSortField = 'name' | 'site' | 'platform' | 'role' | 'createdAt' | 'updatedAt';

export interface DeviceSort {
  field: DeviceSortField;
  descending: boolean;
}

/** Facts to record; an absent one is kept. */
export interface DeviceFacts {
  model?: string | null;
  serial?: string | null;
  osVersion?: string | null;
  collectedAt: string;
}

type DevicesFrom = SelectQueryBuilder<InventoryTables & { d: DeviceTable }, 'd', object>;

/** The inventory_devices and inventory_device_tags tables. */
@Injectable()
export class DevicesRepository {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InventoryTables>) {}

  async findById(id: string): Promise<StoredDevice | undefined> {
    const row = await this.selectDevices().where('d.id', '=', id).executeTakeFirst();
    return row && withTagList(row);
  }

  async findByName(name: string): Promise<StoredDevice | undefined> {
    const row = await this.selectDevices().where('d.name_key', '=', nameKey(name)).executeTakeFirst();
    return row && withTagList(row);
  }

  /** Devices with any of these names (case-insensitive), keyed by name key. */
  async findByNames(names: readonly string[]): Promise<Map<string, StoredDevice>> {
    const found = new Map<string, StoredDevice>();
    for (const part of chunks([...new Set(names.map(nameKey))])) {
      const rows = await this.selectDevices().where('d.name_key', 'in', part).execute();
      for (const row of rows) found.set(row.name_key, withTagList(row));
    }
    return found;
  }

  async count(filter: DeviceFilter): Promise<number> {
    const row = await this.applyFilter(this.db.selectFrom('inventory_devices as d'), filter)
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** One page (or, without `page`, every match) in a stable order. */
  async list(filter: DeviceFilter, sort: DeviceSort, page?: { limit: number; offset: number }): Promise<StoredDevice[]> {
    let query = this.applyFilter(this.selectDevices(), filter);
    const direction = sort.descending ? 'desc' : 'asc';
    // Nulls last either way, on both engines (their defaults differ).
    const nullable = (builder: OrderByItemBuilder) => (sort.descending ? builder.desc() : builder.asc()).nullsLast();
    switch (sort.field) {
      case 'site':
        query = query.orderBy('s.name_key', nullable);
        break;
      case 'role':
        query = query.orderBy('d.role', nullable);
        break;
      case 'platform':
        query = query.orderBy('d.platform', direction);
        break;
      case 'createdAt':
        query = query.orderBy('d.created_at', direction);
        break;
      case 'updatedAt':
        query = query.orderBy('d.updated_at', direction);
        break;
      case 'name':
        break;
    }
    // name_key is unique: the tie-breaker that makes offset paging deterministic.
    query = query.orderBy('d.name_key', direction);
    if (page) query = query.limit(page.limit).offset(page.offset);
    return (await query.execute()).map(withTagList);
  }

  async insert(values: DeviceValues, tags: readonly string[], at: string): Promise<string> {
    const [id] = await this.insertMany([{ values, tags }], at);
    return id;
  }

  /** Inserts in multi-row statements; returns the new ids in input order. */
  async insertMany(devices: readonly { values: DeviceValues; tags: readonly string[] }[], at: string): Promise<string[]> {
    const rows = devices.map(({ values }) => ({
      ...values,
      id: randomUUID(),
      name_key: nameKey(values.name),
      facts_model: null,
      facts_serial: null,
      facts_os_version: null,
      facts_collected_at: null,
      created_at: at,
      updated_at: at,
    }));
    for (const part of chunks(rows)) await this.db.insertInto('inventory_devices').values(part).execute();
    const tagRows = rows.flatMap((row, index) => devices[index].tags.map((tag) => ({ device_id: row.id, tag })));
    for (const part of chunks(tagRows)) await this.db.insertInto('inventory_device_tags').values(part).execute();
    return rows.map((row) => row.id);
  }

  /** Sets the given columns (and the tag set, when given); returns false for an unknown id. */
  async update(id: string, values: Partial<DeviceValues>, tags: readonly string[] | undefined, at: string): Promise<boolean> {
    const patch = { ...values, updated_at: at, ...(values.name === undefined ? {} : { name_key: nameKey(values.name) }) };
    const result = await this.db.updateTable('inventory_devices').set(patch).where('id', '=', id).executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    if (tags !== undefined) await this.replaceTags(id, tags);
    return true;
  }

  async updateFacts(id: string, facts: DeviceFacts): Promise<boolean> {
    const result = await this.db
      .updateTable('inventory_devices')
      .set({
        ...(facts.model === undefined ? {} : { facts_model: facts.model }),
        ...(facts.serial === undefined ? {} : { facts_serial: facts.serial }),
        ...(facts.osVersion === undefined ? {} : { facts_os_version: facts.osVersion }),
        facts_collected_at: facts.collectedAt,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(id: string): Promise<boolean> {
    // Explicit rather than ON DELETE CASCADE, which SQLite honours only with foreign_keys on.
    await this.db.deleteFrom('inventory_device_tags').where('device_id', '=', id).execute();
    const result = await this.db.deleteFrom('inventory_devices').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Refreshes the planner's statistics (same statement on both engines), after a bulk write. */
  async refreshStatistics(): Promise<void> {
    await sql`analyze ${sql.table('inventory_devices')}`.execute(this.db);
    await sql`analyze ${sql.table('inventory_device_tags')}`.execute(this.db);
  }

  async countUsingCredential(credentialId: string): Promise<number> {
    return this.count({ credentialId });
  }

  async countAtSite(siteId: string): Promise<number> {
    return this.count({ siteId });
  }

  private async replaceTags(id: string, tags: readonly string[]): Promise<void> {
    await this.db.deleteFrom('inventory_device_tags').where('device_id', '=', id).execute();
    if (tags.length > 0) {
      await this.db
        .insertInto('inventory_device_tags')
        .values(tags.map((tag) => ({ device_id: id, tag })))
        .execute();
    }
  }

  private selectDevices() {
    return this.db
      .selectFrom('inventory_devices as d')
      .leftJoin('inventory_sites as s', 's.id', 'd.site_id')
      .selectAll('d')
      .select('s.name as site_name')
      .select(
        // One query per page, tags included: string_agg(… ORDER BY …) reads the same on PostgreSQL and
        // SQLite ≥ 3.44. A comma cannot occur in a tag (TAG_PATTERN), so it separates them safely.
        sql<string | null>`(select string_agg(${sql.ref('t.tag')}, ',' order by ${sql.ref('t.tag')}) from ${sql.table('inventory_device_tags')} as ${sql.id('t')} where ${sql.ref('t.device_id')} = ${sql.ref('d.id')})`.as(
          'tag_list',
        ),
      );
  }

  private applyFilter<Q extends DevicesFrom>(query: Q, filter: DeviceFilter): Q {
    let filtered = query as DevicesFrom;
    // An empty list matches nothing (rather than being ignored).
    if (filter.ids !== undefined) filtered = filtered.where('d.id', 'in', filter.ids.length > 0 ? [...filter.ids] : ['']);
    if (filter.names !== undefined) filtered = filtered.where('d.name_key', 'in', filter.names.length > 0 ? filter.names.map(nameKey) : ['']);
    if (filter.host !== undefined) filtered = filtered.where('d.host', '=', filter.host);
    if (filter.siteId !== undefined) filtered = filtered.where('d.site_id', '=', filter.siteId);
    if (filter.role !== undefined) filtered = filtered.where('d.role', '=', filter.role);
    if (filter.platform !== undefined) filtered = filtered.where('d.platform', '=', filter.platform);
    if (filter.credentialId !== undefined) filtered = filtered.where('d.credential_id', '=', filter.credentialId);
    if (filter.enabled !== undefined) filtered = filtered.where('d.enabled', '=', filter.enabled ? 1 : 0);
    for (const tag of filter.tags ?? []) {
      filtered = filtered.where(({ exists, selectFrom }) =>
        exists(selectFrom('inventory_device_tags as t').select('t.tag').whereRef('t.device_id', '=', 'd.id').where('t.tag', '=', tag)),
      );
    }
    if (filter.q !== undefined && filter.q !== '') {
      const pattern = containsPattern(filter.q);
      filtered = filtered.where((eb) =>
        eb.or([
          lowerLike(sql.ref('d.name'), pattern),
          lowerLike(sql.ref('d.host'), pattern),
          lowerLike(sql`coalesce(${sql.ref('d.notes')}, '')`, pattern),
        ]),
      );
    }
    return filtered as Q;
  }
}

function withTagList<R extends { tag_list: string | null }>({ tag_list, ...row }: R): Omit<R, 'tag_list'> & { tags: string[] } {
  return { ...row, tags: tag_list ? tag_list.split(',') : [] };
}
