import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreMigrations } from '../auth/core.migrations';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { dialectOf } from './dialect';
import type { MigrationSet } from './migration-set';
import { MigrationError, runMigrations } from './run-migrations';
import type { NetkeepDatabase } from './netkeep-database';

// One migration written once, with the portable conventions: text ids, ISO text timestamps, integer booleans.
const widgets = (extra: MigrationSet['migrations'] = {}): MigrationSet => ({
  name: 'widgets',
  migrations: {
    '0001_widgets': {
      async up(db: NetkeepDatabase) {
        await db.schema
          .createTable('widgets')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('token_id', 'text', (c) => c.references('api_tokens.id').onDelete('cascade'))
          .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    ...extra,
  },
});

const tableNames = async (db: NetkeepDatabase) =>
  (await db.introspection.getTables()).map((table) => table.name).sort();

describe.each(['sqlite', 'postgres'] as const)('runMigrations on %s', (kind) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(() => database.destroy());

  it('creates the tables of every set, each set with its own history', async () => {
    expect(dialectOf(database.db)).toBe(kind);
    const applied = await runMigrations(database.db, [coreMigrations, widgets()]);
    expect(applied).toEqual([
      { set: 'core', migration: '0001_api_tokens' },
      { set: 'core', migration: '0002_ssh_host_keys' },
      { set: 'widgets', migration: '0001_widgets' },
    ]);
    expect(await tableNames(database.db)).toEqual(
      expect.arrayContaining(['api_tokens', 'ssh_host_keys', 'widgets', 'netkeep_migrations_core', 'netkeep_migrations_widgets']),
    );
  });

  it('is idempotent: a second run applies nothing and keeps the data', async () => {
    await runMigrations(database.db, [coreMigrations, widgets()]);
    await database.db
      .insertInto('widgets')
      .values({ id: 'w1', created_at: new Date(0).toISOString() })
      .execute();
    expect(await runMigrations(database.db, [coreMigrations, widgets()])).toEqual([]);
    expect(await database.db.selectFrom('widgets').selectAll().execute()).toEqual([
      { id: 'w1', token_id: null, enabled: 1, created_at: '1970-01-01T00:00:00.000Z' },
    ]);
  });

  it('applies a later migration of one set, and lets a process mount fewer sets than the database has', async () => {
    await runMigrations(database.db, [coreMigrations, widgets()]);
    const later = widgets({
      '0002_widget_names': {
        async up(db: NetkeepDatabase) {
          await db.schema.alterTable('widgets').addColumn('name', 'text').execute();
        },
      },
    });
    expect(await runMigrations(database.db, [coreMigrations, later])).toEqual([{ set: 'widgets', migration: '0002_widget_names' }]);
    // A service that knows only core must not trip over the widgets history.
    expect(await runMigrations(database.db, [coreMigrations])).toEqual([]);
  });

  it('enforces foreign keys and compares ISO timestamps as text on both engines', async () => {
    await runMigrations(database.db, [coreMigrations, widgets()]);
    await expect(
      database.db.insertInto('widgets').values({ id: 'w2', token_id: 'missing', created_at: 'x' }).execute(),
    ).rejects.toThrow(/foreign key/i);
    const times = ['2024-01-01T00:00:00.000Z', '2024-06-01T12:00:00.000Z', '2025-01-01T00:00:00.000Z'];
    for (const [i, created] of times.entries()) {
      await database.db.insertInto('widgets').values({ id: `t${i}`, created_at: created }).execute();
    }
    const after = await database.db.selectFrom('widgets').select('id').where('created_at', '>', '2024-03-01T00:00:00.000Z').orderBy('created_at').execute();
    expect(after.map((row) => row.id)).toEqual(['t1', 't2']);
  });

  it('rolls back a failing migration and names it', async () => {
    const broken: MigrationSet = {
      name: 'broken',
      migrations: {
        '0001_half': {
          async up(db: NetkeepDatabase) {
            await db.schema.createTable('half').addColumn('id', 'text').execute();
            await sql`select * from no_such_table`.execute(db);
          },
        },
      },
    };
    const error = await runMigrations(database.db, [broken]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/^migration broken\/0001_half failed: /);
    expect(await tableNames(database.db)).not.toContain('half');
  });
});

describe('runMigrations input', () => {
  it('refuses bad or duplicate set names before touching the database', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      await expect(runMigrations(database.db, [{ name: 'Bad-Name', migrations: {} }])).rejects.toThrow(/must match/);
      await expect(runMigrations(database.db, [coreMigrations, coreMigrations])).rejects.toThrow(/listed twice/);
      expect(await tableNames(database.db)).toEqual([]);
    } finally {
      await database.destroy();
    }
  });
});
