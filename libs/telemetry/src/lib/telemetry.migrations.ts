import type { MigrationSet } from '@netkeep/core';
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed tables exist
type Db = Kysely<any>;

// Core's portable schema: text ids, ISO-8601 text timestamps, integer 0/1 booleans.
const deviceSettings: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('telemetry_device_settings')
      .addColumn('device_id', 'text', (c) => c.primaryKey())
      .addColumn('interval_seconds', 'integer')
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Db) {
    await db.schema.dropTable('telemetry_device_settings').execute();
  },
};

/** Telemetry keeps only devices' own settings in the database; everything it measures lives in Redis. */
export const telemetryMigrations: MigrationSet = {
  name: 'telemetry',
  migrations: { '0001_device_settings': deviceSettings },
};
