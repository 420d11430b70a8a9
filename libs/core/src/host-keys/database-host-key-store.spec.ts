import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreMigrations } from '../auth/core.migrations';
import { FixedClock } from '../clock/clock';
import { createDatabase } from '../database/create-database';
import type { NetkeepDatabase } from '../database/netkeep-database';
import { runMigrations } from '../database/run-migrations';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from '../testing/test-database';
import { DatabaseHostKeyStore } from './database-host-key-store';

const OLD = { algorithm: 'ssh-ed25519', base64: 'AAAAC3NzaC1lZDI1NTE5AAAAIOLD' };
const NEW = { algorithm: 'ssh-ed25519', base64: 'AAAAC3NzaC1lZDI1NTE5AAAAINEW' };

describe.each<TestDatabaseKind>(['sqlite', 'postgres'])('DatabaseHostKeyStore on %s', (kind) => {
  let database: TestDatabase;
  /** A second connection to the same database: another process (a worker replica, the poller). */
  let otherProcess: NetkeepDatabase;
  const clock = new FixedClock(new Date('2026-03-01T10:00:00.000Z'));

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    await runMigrations(database.db, [coreMigrations]);
    otherProcess = createDatabase(database.url);
  });

  afterEach(async () => {
    await otherProcess.destroy();
    await database.destroy();
  });

  it('keeps the first key any process records; every process then checks against it', async () => {
    const api = new DatabaseHostKeyStore(database.db, clock);
    const worker = new DatabaseHostKeyStore(otherProcess, clock);
    // Both processes see the device for the first time at once, offered different keys.
    const recorded = await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? api.recordFirstSeen('[10.0.0.1]:2222', OLD) : worker.recordFirstSeen('[10.0.0.1]:2222', NEW))));
    const winner = recorded[0];
    expect(recorded.every((key) => key.base64 === winner?.base64)).toBe(true);
    expect(await worker.get('[10.0.0.1]:2222')).toEqual(winner);
    expect(await api.find('[10.0.0.1]:2222')).toEqual({ name: '[10.0.0.1]:2222', ...winner, recordedAt: '2026-03-01T10:00:00.000Z', refused: null });
  });

  it('keeps the last refused key beside the recorded one until a replacement settles it', async () => {
    const worker = new DatabaseHostKeyStore(otherProcess, clock);
    const api = new DatabaseHostKeyStore(database.db, clock);
    await worker.recordFirstSeen('r1', OLD);
    await worker.recordRefused('r1', NEW);
    expect(await api.find('r1')).toMatchObject({ ...OLD, refused: { ...NEW, offeredAt: '2026-03-01T10:00:00.000Z' } });
    await worker.recordRefused('unknown', NEW);
    expect(await api.find('unknown'), 'a refusal records no key of its own').toBeUndefined();
    await api.replace('r1', NEW);
    expect(await worker.find('r1')).toMatchObject({ ...NEW, refused: null });
  });

  it('replaces a key for every process, and forgets one so the next sighting is recorded', async () => {
    const api = new DatabaseHostKeyStore(database.db, clock);
    const worker = new DatabaseHostKeyStore(otherProcess, clock);
    await worker.recordFirstSeen('r1', OLD);
    await worker.recordFirstSeen('r2', OLD);

    await api.replace('r1', NEW);
    expect(await worker.get('r1')).toEqual(NEW);
    expect(await worker.recordFirstSeen('r1', OLD), 'a replaced key is the one on record').toEqual(NEW);

    expect(await api.forget('r2')).toBe(true);
    expect(await api.forget('r2'), 'nothing left to forget').toBe(false);
    expect(await worker.get('r2')).toBeUndefined();
    expect(await worker.recordFirstSeen('r2', NEW)).toEqual(NEW);
    expect(await api.get('r1')).toEqual(NEW);
  });
});
