import type { MigrationSet } from '@netkeep/core';
import type { Kysely, Migration } from 'kysely';

type Db = Kysely<unknown>;

// One schema for both engines (core's portable-schema conventions): text ids, ISO-8601 text timestamps.
const configArchive: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('config_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('device_name', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('commit_oid', 'text', (c) => c.notNull())
      .addColumn('file_path', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('significant_hash', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_email', 'text')
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('run_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('line_count', 'integer', (c) => c.notNull())
      .addColumn('summary', 'text')
      .execute();
    // Listing a device's versions newest first is one range scan of this index.
    await db.schema.createIndex('config_versions_device_revision').on('config_versions').columns(['device_id', 'revision']).unique().execute();
    await db.schema.createIndex('config_versions_device_time').on('config_versions').columns(['device_id', 'created_at']).execute();
    // An operator's commit may touch several files: one row per device, never two for one commit.
    await db.schema.createIndex('config_versions_commit_device').on('config_versions').columns(['commit_oid', 'device_id']).unique().execute();

    await db.schema
      .createTable('config_latest')
      .addColumn('device_id', 'text', (c) => c.primaryKey())
      .addColumn('device_name', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('file_path', 'text', (c) => c.notNull())
      .addColumn('file_key', 'text', (c) => c.notNull().unique())
      .addColumn('version_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('commit_oid', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('significant_hash', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .addColumn('removed_at', 'text')
      .execute();
    await db.schema.createIndex('config_latest_device_name').on('config_latest').columns(['device_name', 'device_id']).execute();

    await db.schema
      .createTable('config_archive_state')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('head_commit', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('config_noise_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('platform', 'text')
      .addColumn('pattern', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Db) {
    for (const table of ['config_noise_rules', 'config_archive_state', 'config_latest', 'config_versions']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** The archive's index and noise rules; run by core's `runMigrations`. */
export const backupMigrations: MigrationSet = {
  name: 'backup',
  migrations: {
    '0001_config_archive': configArchive,
  },
};
