import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { startTestApp, type TestApp } from '../testing/test-app';
import { DatabaseHostKeyStore } from './database-host-key-store';

const R1 = 'AAAAC3NzaC1lZDI1NTE5AAAAIR1';
const R2 = 'AAAAC3NzaC1lZDI1NTE5AAAAIR2';
const R2_POLLER = 'AAAAC3NzaC1lZDI1NTE5AAAAIR2OTHER';
const R3 = 'AAAAC3NzaC1yc2EAAAADAQABR3';

describe('host keys kept in the data directory by earlier versions', () => {
  let dataDir: string;
  let database: TestDatabase;
  let app: TestApp | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'netkeep-known-hosts-'));
    database = await createTestDatabase('sqlite');
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await database.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('are imported into the database at start-up, once; a key that contradicts one on record stays out and is named', async () => {
    await writeFile(join(dataDir, 'known_hosts'), `[127.0.0.1]:2201 ssh-ed25519 ${R1}\n[127.0.0.1]:2202 ssh-ed25519 ${R2}\n`);
    await writeFile(join(dataDir, 'telemetry-known_hosts'), `[127.0.0.1]:2202 ssh-ed25519 ${R2_POLLER}\n10.0.0.3 ssh-rsa ${R3}\n`);
    app = await startTestApp({ dataDir, database });

    const store = app.app.get(DatabaseHostKeyStore);
    expect(await store.get('[127.0.0.1]:2201')).toEqual({ algorithm: 'ssh-ed25519', base64: R1 });
    expect(await store.get('[127.0.0.1]:2202'), "the backups' key came first and stays").toEqual({ algorithm: 'ssh-ed25519', base64: R2 });
    expect(await store.get('10.0.0.3')).toEqual({ algorithm: 'ssh-rsa', base64: R3 });
    expect((await readdir(dataDir)).filter((file) => file.includes('known_hosts')).sort()).toEqual(['known_hosts.imported', 'telemetry-known_hosts.imported']);
    const warning = app.logs.records().find((record) => String(record['msg']).includes('differ from the ones already recorded'));
    expect(warning?.['msg']).toContain('[127.0.0.1]:2202');

    // A restart finds nothing left to import and keeps what the store holds.
    await store.replace('[127.0.0.1]:2201', { algorithm: 'ssh-ed25519', base64: R3 });
    await app.close();
    app = await startTestApp({ dataDir, database });
    expect(await app.app.get(DatabaseHostKeyStore).get('[127.0.0.1]:2201')).toEqual({ algorithm: 'ssh-ed25519', base64: R3 });
  });
});
