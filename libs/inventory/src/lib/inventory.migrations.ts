import type { MigrationSet } from '@netkeep/core';
import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

// One schema for both engines, by core's portable-schema conventions: UUID text ids,
// ISO-8601 text timestamps, integer 0/1 booleans.
const createTables: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('inventory_sites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      // lower(name), computed in the repository: case-insensitive uniqueness on both engines.
      .addColumn('name_key', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('inventory_credentials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull().unique())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('password_sealed', 'text')
      .addColumn('enable_secret_sealed', 'text')
      .addColumn('private_key_sealed', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('inventory_devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull().unique())
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('port', 'integer', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.references('inventory_sites.id').onDelete('restrict'))
      .addColumn('role', 'text')
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('credential_id', 'text', (c) => c.references('inventory_credentials.id').onDelete('restrict'))
      .addColumn('snmp_version', 'text')
      .addColumn('snmp_port', 'integer')
      .addColumn('snmp_username', 'text')
      .addColumn('snmp_auth_protocol', 'text')
      .addColumn('snmp_priv_protocol', 'text')
      .addColumn('snmp_community_sealed', 'text')
      .addColumn('snmp_auth_key_sealed', 'text')
      .addColumn('snmp_priv_key_sealed', 'text')
      .addColumn('notes', 'text')
      .addColumn('facts_model', 'text')
      .addColumn('facts_serial', 'text')
      .addColumn('facts_os_version', 'text')
      .addColumn('facts_collected_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    // Each filter gets an index; (filter, name_key) also serves the default page, "filtered, by name".
    // Name ordering uses the unique name_key index itself.
    for (const column of ['platform', 'role', 'site_id', 'enabled']) {
      await db.schema.createIndex(`inventory_devices_${column}_idx`).on('inventory_devices').columns([column, 'name_key']).execute();
    }
    for (const column of ['credential_id', 'created_at', 'updated_at']) {
      await db.schema.createIndex(`inventory_devices_${column}_idx`).on('inventory_devices').column(column).execute();
    }

    // Tags as a join table rather than a JSON array: "?tag=a&tag=b" becomes one EXISTS per tag
    // on the (tag, device_id) index, on both engines, with no engine-specific JSON operators.
    await db.schema
      .createTable('inventory_device_tags')
      .addColumn('device_id', 'text', (c) => c.notNull().references('inventory_devices.id').onDelete('cascade'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('inventory_device_tags_pk', ['device_id', 'tag'])
      .execute();
    await db.schema.createIndex('inventory_device_tags_tag_idx').on('inventory_device_tags').columns(['tag', 'device_id']).execute();
  },

  async down(db: Db) {
    await db.schema.dropTable('inventory_device_tags').execute();
    await db.schema.dropTable('inventory_devices').execute();
    await db.schema.dropTable('inventory_credentials').execute();
    await db.schema.dropTable('inventory_sites').execute();
  },
};

/** The inventory's schema, brought up to date by core's migrator at start-up. */
export const inventoryMigrations: MigrationSet = {
  name: 'inventory',
  migrations: {
    '0001_inventory_tables': createTables,
  },
};
