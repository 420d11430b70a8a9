import type { MigrationSet } from '@netkeep/core';
import type { Kysely, Migration } from 'kysely';
import type { BackupRunsTables } from './backup-runs.tables';

type Db = Kysely<unknown>;

/** The `daily` policy every new installation starts with: every enabled device at 02:00 UTC. */
export const DEFAULT_POLICY = { id: '00000000-0000-4000-8000-00000000da11', name: 'daily', cron: '0 2 * * *', timezone: 'UTC' } as const;

// Core's portable schema: text ids, ISO-8601 text timestamps, integer 0/1 booleans, JSON as text.
const runsAndPolicies: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('backup_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('trigger', 'text', (c) => c.notNull())
      .addColumn('policy_id', 'text')
      .addColumn('selector', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text')
      .addColumn('author', 'text')
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('backup_runs_created').on('backup_runs').columns(['created_at']).execute();
    await db.schema.createIndex('backup_runs_unfinished').on('backup_runs').columns(['finished_at', 'created_at']).execute();

    await db.schema
      .createTable('backup_results')
      .addColumn('run_id', 'text', (c) => c.notNull().references('backup_runs.id').onDelete('cascade'))
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('device_name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('phase', 'text')
      .addColumn('error', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version_id', 'text')
      .addColumn('changed', 'integer')
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addPrimaryKeyConstraint('backup_results_pk', ['run_id', 'device_id'])
      .execute();
    await db.schema.createIndex('backup_results_run_status').on('backup_results').columns(['run_id', 'status']).execute();

    await db.schema
      .createTable('backup_policies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull().unique())
      .addColumn('cron', 'text', (c) => c.notNull())
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('selector', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    const now = new Date().toISOString();
    await (db as Kysely<BackupRunsTables>)
      .insertInto('backup_policies')
      .values({ ...DEFAULT_POLICY, name_key: DEFAULT_POLICY.name, selector: '{}', enabled: 1, created_at: now, updated_at: now })
      .execute();

    await db.schema
      .createTable('backup_device_status')
      .addColumn('device_id', 'text', (c) => c.primaryKey())
      .addColumn('device_name', 'text', (c) => c.notNull())
      .addColumn('last_outcome', 'text')
      .addColumn('last_attempt_at', 'text')
      .addColumn('last_success_at', 'text')
      .addColumn('last_change_at', 'text')
      .addColumn('last_error_phase', 'text')
      .addColumn('last_error_message', 'text')
      .addColumn('last_error_at', 'text')
      .addColumn('last_error_run_id', 'text')
      .addColumn('last_run_id', 'text')
      .addColumn('latest_version_id', 'text')
      .addColumn('crypto_profile', 'text')
      .execute();
    await db.schema.createIndex('backup_device_status_name').on('backup_device_status').columns(['device_name']).execute();

    await db.schema
      .createTable('backup_webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Db) {
    for (const table of ['backup_webhooks', 'backup_device_status', 'backup_policies', 'backup_results', 'backup_runs']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** Runs, per-device results, policies, device backup status and webhooks (the archive has its own set, `backup`). */
export const backupRunsMigrations: MigrationSet = {
  name: 'backup_runs',
  migrations: {
    '0001_runs_policies_status_webhooks': runsAndPolicies,
  },
};
