import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from '../testing/test-database';
import { prepareQuery } from './prepared-query';

interface Tables {
  items: { name: string; size: number; note: string | null };
}

const createItems = (db: Kysely<Tables>) =>
  db.schema.createTable('items').addColumn('name', 'text', (c) => c.primaryKey()).addColumn('size', 'integer', (c) => c.notNull()).addColumn('note', 'text').execute();

// Module-level, as repositories keep them: one prepared query serves both engines in this process.
const itemByName = prepareQuery((db: Kysely<Tables>, p: { name: string }) => db.selectFrom('items').select(['name', 'size']).where('name', '=', p.name));
const insertItem = prepareQuery((db: Kysely<Tables>, p: { name: string; size: number }) =>
  db
    .insertInto('items')
    .values({ name: p.name, size: p.size, note: sql.lit(null) })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .returning('name'),
);
const resizeItem = prepareQuery((db: Kysely<Tables>, p: { name: string; size: number; note: string | null }) =>
  db.updateTable('items').set({ size: p.size, note: p.note }).where('name', '=', p.name).where('size', '<', p.size),
);

describe.each<TestDatabaseKind>(['sqlite', 'postgres'])('prepareQuery on %s', (kind) => {
  let database: TestDatabase;
  let db: Kysely<Tables>;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    db = database.db as Kysely<Tables>;
    await createItems(db);
  });

  afterEach(() => database.destroy());

  it('inserts, selects and updates with new values on every run, as Kysely would', async () => {
    expect((await insertItem.execute(db, { name: 'r1', size: 1 })).rows).toEqual([{ name: 'r1' }]);
    expect((await insertItem.execute(db, { name: 'r2', size: 2 })).rows).toEqual([{ name: 'r2' }]);
    expect((await insertItem.execute(db, { name: 'r1', size: 9 })).rows, 'a conflict inserts nothing and returns no row').toEqual([]);

    expect((await itemByName.execute(db, { name: 'r2' })).rows).toEqual([{ name: 'r2', size: 2 }]);
    expect((await itemByName.execute(db, { name: 'r1' })).rows).toEqual([{ name: 'r1', size: 1 }]);
    expect((await itemByName.execute(db, { name: 'absent' })).rows).toEqual([]);

    expect((await resizeItem.execute(db, { name: 'r1', size: 5, note: 'grown' })).numAffectedRows).toBe(1n);
    expect((await resizeItem.execute(db, { name: 'r1', size: 3, note: null })).numAffectedRows, 'the where clause still applies').toBe(0n);
    expect(await db.selectFrom('items').selectAll().where('name', '=', 'r1').executeTakeFirst()).toEqual({ name: 'r1', size: 5, note: 'grown' });
  });

  it('runs on a transaction, whose rollback discards what it wrote', async () => {
    await db
      .transaction()
      .execute(async (trx) => {
        await insertItem.execute(trx, { name: 'inside', size: 1 });
        expect((await itemByName.execute(trx, { name: 'inside' })).rows).toHaveLength(1);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await itemByName.execute(db, { name: 'inside' })).rows).toEqual([]);
  });

  it('binds a placeholder used in several places to the one value', async () => {
    const grow = prepareQuery((db: Kysely<Tables>, p: { name: string; size: number }) =>
      db
        .insertInto('items')
        .values({ name: p.name, size: p.size, note: p.name })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ size: p.size }).where('items.size', '<', p.size)),
    );
    await grow.execute(db, { name: 'r1', size: 4 });
    await grow.execute(db, { name: 'r1', size: 2 });
    await grow.execute(db, { name: 'r2', size: 1 });
    expect(await db.selectFrom('items').selectAll().orderBy('name').execute()).toEqual([
      { name: 'r1', size: 4, note: 'r1' },
      { name: 'r2', size: 1, note: 'r2' },
    ]);
  });
});

describe('prepareQuery refuses a query that would not rerun as written', () => {
  let database: TestDatabase;
  let db: Kysely<Tables>;

  beforeEach(async () => {
    database = await createTestDatabase('sqlite');
    db = database.db as Kysely<Tables>;
    await createItems(db);
  });

  afterEach(() => database.destroy());

  it('refuses a constant bound as a parameter, which a captured value of the first call would look like', async () => {
    const constant = prepareQuery((db: Kysely<Tables>, p: { size: number }) => db.updateTable('items').set({ size: p.size }).where('name', '=', 'r1'));
    await expect(constant.execute(db, { size: 1 })).rejects.toThrow(/binds 'r1' as parameter 2, not a placeholder/);
    const nullValue = prepareQuery((db: Kysely<Tables>, p: { size: number }) => db.updateTable('items').set({ size: p.size, note: null }));
    await expect(nullValue.execute(db, { size: 1 })).rejects.toThrow(/binds null as parameter 2/);
  });

  it('refuses a placeholder used in JavaScript instead of in the query', async () => {
    const branching = prepareQuery((db: Kysely<Tables>, p: { name: string; big: boolean }) =>
      db.updateTable('items').set({ size: p.big ? sql.lit(100) : sql.lit(1) }).where('name', '=', p.name),
    );
    await expect(branching.execute(db, { name: 'r1', big: false })).rejects.toThrow(/reads placeholder "big" but does not bind it/);
  });

  it('refuses to run without a value for each placeholder', async () => {
    await expect(itemByName.execute(db, {} as { name: string })).rejects.toThrow(/needs a value for "name"/);
  });
});
