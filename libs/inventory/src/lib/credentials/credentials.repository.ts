import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { CredentialRow, CredentialTable, InventoryTables } from '../store/inventory.tables';
import { containsPattern, lowerLike } from '../store/like-pattern';
import { namedOrderColumn, type NamedListOptions } from '../store/named-list';
import { nameKey } from '../store/name-key';

/** Columns a write sets; secrets arrive sealed. */
export type CredentialValues = Omit<CredentialTable, 'id' | 'name_key' | 'created_at' | 'updated_at'>;

export interface StoredCredential extends CredentialRow {
  device_count: number;
}

/** The inventory_credentials table. Secrets stay sealed here; only services open them. */
@Injectable()
export class CredentialsRepository {
  constructor(@Inject(DATABASE) private readonly db: Kysely<InventoryTables>) {}

  async findById(id: string): Promise<StoredCredential | undefined> {
    return normalise(await this.selectCredentials().where('c.id', '=', id).executeTakeFirst());
  }

  async findByName(name: string): Promise<StoredCredential | undefined> {
    return normalise(await this.selectCredentials().where('c.name_key', '=', nameKey(name)).executeTakeFirst());
  }

  /** Every credential: imports compare generated credentials with the stored ones (there are few). */
  async listAll(): Promise<CredentialRow[]> {
    return this.db.selectFrom('inventory_credentials').selectAll().orderBy('name_key').execute();
  }

  async count(q?: string): Promise<number> {
    let query = this.db.selectFrom('inventory_credentials as c').select((eb) => eb.fn.countAll().as('count'));
    if (q) query = query.where(lowerLike(sql.ref('c.name'), containsPattern(q)));
    return Number((await query.executeTakeFirstOrThrow()).count);
  }

  async list(options: NamedListOptions): Promise<StoredCredential[]> {
    const { column, direction } = namedOrderColumn(options.ordering);
    let query = this.selectCredentials().orderBy(`c.${column}`, direction).orderBy('c.name_key', direction).limit(options.limit).offset(options.offset);
    if (options.q) query = query.where(lowerLike(sql.ref('c.name'), containsPattern(options.q)));
    return (await query.execute()).map(withDeviceCount);
  }

  async insert(values: CredentialValues, at: string): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('inventory_credentials')
      .values({ id, ...values, name_key: nameKey(values.name), created_at: at, updated_at: at })
      .execute();
    return id;
  }

  async update(id: string, values: Partial<CredentialValues>, at: string): Promise<boolean> {
    const patch = { ...values, updated_at: at, ...(values.name === undefined ? {} : { name_key: nameKey(values.name) }) };
    const result = await this.db.updateTable('inventory_credentials').set(patch).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('inventory_credentials').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  private selectCredentials() {
    return this.db
      .selectFrom('inventory_credentials as c')
      .selectAll('c')
      .select((eb) =>
        eb
          .selectFrom('inventory_devices as d')
          .select((inner) => inner.fn.countAll().as('n'))
          .whereRef('d.credential_id', '=', 'c.id')
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
