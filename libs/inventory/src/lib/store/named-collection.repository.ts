import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { DeviceTable, InventoryTables } from './inventory.tables';
import { containsPattern, lowerLike } from './like-pattern';
import { namedOrderColumn, type NamedListOptions } from './named-list';
import { nameKey } from './name-key';

/** The named collections devices refer to, and the device column that does. */
const DEVICE_REFERENCES = { inventory_sites: 'site_id', inventory_credentials: 'credential_id' } as const;
type NamedCollection = keyof typeof DEVICE_REFERENCES;

/** What every named collection's table has; the rest of its columns are its own. */
export interface NamedRow {
  id: string;
  name: string;
  name_key: string;
  created_at: string;
  updated_at: string;
}

/** The collections as the queries below see them: by the columns they share. */
type NamedTables = Record<NamedCollection, NamedRow> & { inventory_devices: DeviceTable };

export type WithDeviceCount<Row> = Row & { device_count: number };

/**
 * A named collection (sites, credentials): found by id or by name (case-insensitive), listed a
 * page at a time with the number of devices that refer to each, written with name_key in step.
 */
export abstract class NamedCollectionRepository<Row extends NamedRow, Values extends { name: string }> {
  private readonly named: Kysely<NamedTables>;

  protected constructor(
    protected readonly db: Kysely<InventoryTables>,
    private readonly table: NamedCollection,
  ) {
    this.named = db as unknown as Kysely<NamedTables>;
  }

  async findById(id: string): Promise<WithDeviceCount<Row> | undefined> {
    const row = await this.selectWithDeviceCount().where('c.id', '=', id).executeTakeFirst();
    return row && this.withDeviceCount(row);
  }

  async findByName(name: string): Promise<WithDeviceCount<Row> | undefined> {
    const row = await this.selectWithDeviceCount().where('c.name_key', '=', nameKey(name)).executeTakeFirst();
    return row && this.withDeviceCount(row);
  }

  async count(q?: string): Promise<number> {
    let query = this.named.selectFrom(`${this.table} as c`).select((eb) => eb.fn.countAll().as('count'));
    if (q) query = query.where(lowerLike(sql.ref('c.name'), containsPattern(q)));
    return Number((await query.executeTakeFirstOrThrow()).count);
  }

  async list(options: NamedListOptions): Promise<WithDeviceCount<Row>[]> {
    const { column, direction } = namedOrderColumn(options.ordering);
    let query = this.selectWithDeviceCount().orderBy(`c.${column}`, direction).orderBy('c.name_key', direction).limit(options.limit).offset(options.offset);
    if (options.q) query = query.where(lowerLike(sql.ref('c.name'), containsPattern(options.q)));
    return (await query.execute()).map((row) => this.withDeviceCount(row));
  }

  async insert(values: Values, at: string): Promise<string> {
    const id = randomUUID();
    await this.named
      .insertInto(this.table)
      .values({ id, ...values, name_key: nameKey(values.name), created_at: at, updated_at: at })
      .execute();
    return id;
  }

  async update(id: string, values: Partial<Values>, at: string): Promise<boolean> {
    const patch = { ...values, updated_at: at, ...(values.name === undefined ? {} : { name_key: nameKey(values.name) }) };
    const result = await this.named.updateTable(this.table).set(patch).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.named.deleteFrom(this.table).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  private selectWithDeviceCount() {
    return this.named
      .selectFrom(`${this.table} as c`)
      .selectAll('c')
      .select((eb) =>
        eb
          .selectFrom('inventory_devices as d')
          .select((inner) => inner.fn.countAll().as('n'))
          .whereRef(`d.${DEVICE_REFERENCES[this.table]}`, '=', 'c.id')
          .as('device_count'),
      );
  }

  /** selectAll('c') reads every column of the table, not only the shared ones; PostgreSQL returns count(*) as a string. */
  private withDeviceCount(row: NamedRow & { device_count: unknown }): WithDeviceCount<Row> {
    return { ...(row as unknown as Row), device_count: Number(row.device_count ?? 0) };
  }
}
