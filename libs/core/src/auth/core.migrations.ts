import type { MigrationSet } from '../database/migration-set';
import type { NetkeepDatabase } from '../database/netkeep-database';

/** core's own tables. Conventions for both engines: database/portable-schema.ts. */
export const coreMigrations: MigrationSet = {
  name: 'core',
  migrations: {
    '0001_api_tokens': {
      async up(db: NetkeepDatabase) {
        await db.schema
          .createTable('api_tokens')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text')
          .addColumn('revoked_at', 'text')
          .addColumn('last_used_at', 'text')
          .execute();
      },
      async down(db: NetkeepDatabase) {
        await db.schema.dropTable('api_tokens').execute();
      },
    },
    // Shared by every process that opens device sessions (see host-keys/database-host-key-store.ts).
    '0002_ssh_host_keys': {
      async up(db: NetkeepDatabase) {
        await db.schema
          .createTable('ssh_host_keys')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('algorithm', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .addColumn('offered_algorithm', 'text')
          .addColumn('offered_key', 'text')
          .addColumn('offered_at', 'text')
          .execute();
      },
      async down(db: NetkeepDatabase) {
        await db.schema.dropTable('ssh_host_keys').execute();
      },
    },
  },
};
