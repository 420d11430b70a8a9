import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestAppOptions } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { hashApiToken } from './api-token';

describe('admin token bootstrap', () => {
  let dataDir: string;
  let database: TestDatabase;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'netkeep-bootstrap-'));
    database = await createTestDatabase('sqlite');
  });
  afterEach(async () => {
    await database.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  const tokenFile = () => join(dataDir, 'admin-token');
  const start = (options: TestAppOptions = {}) =>
    startTestApp({ database, dataDir, ...options, env: { NETKEEP_ADMIN_TOKEN: '', ...options.env } });
  const countRows = async () => (await database.db.selectFrom('api_tokens').selectAll().execute()).length;

  it('writes a token file once (mode 0600), logs where but not what, and reuses it on restart', async () => {
    const first = await start();
    let token: string;
    try {
      token = (await readFile(tokenFile(), 'utf8')).trim();
      expect(token).toMatch(/^nk_[A-Za-z0-9_-]{43}$/);
      expect((await stat(tokenFile())).mode & 0o777).toBe(0o600);
      expect((await first.request('GET', '/api/v1/tokens', { token })).status).toBe(200);
      const line = first.logs.records().find((record) => String(record['msg']).startsWith('admin token written to'));
      expect(line).toMatchObject({ level: 'info', path: tokenFile(), msg: `admin token written to ${tokenFile()} (readable only by its owner)` });
      expect(first.logs.text()).not.toContain(token);
    } finally {
      await first.close();
    }

    const second = await start();
    try {
      expect((await readFile(tokenFile(), 'utf8')).trim()).toBe(token);
      expect(await countRows()).toBe(1);
      expect(second.logs.records().some((record) => record['msg'] === `admin token is in ${tokenFile()}`)).toBe(true);
      expect(second.logs.text()).not.toContain(token);
      expect((await second.request('GET', '/api/v1/tokens', { token })).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('writes a new token when the one in the file was revoked', async () => {
    const first = await start();
    const old = (await readFile(tokenFile(), 'utf8')).trim();
    try {
      const other = await first.tokenFor('admin', 'second admin');
      const listed = await first.request('GET', '/api/v1/tokens', { token: other });
      const bootstrap = listed.body.items.find((item: { name: string }) => item.name === 'admin (admin-token file)');
      expect((await first.request('DELETE', `/api/v1/tokens/${bootstrap.id}`, { token: other })).status).toBe(204);
    } finally {
      await first.close();
    }
    const second = await start();
    try {
      const fresh = (await readFile(tokenFile(), 'utf8')).trim();
      expect(fresh).not.toBe(old);
      expect((await stat(tokenFile())).mode & 0o777).toBe(0o600);
      expect((await second.request('GET', '/api/v1/tokens', { token: fresh })).status).toBe(200);
      expect((await second.request('GET', '/api/v1/tokens', { token: old })).status).toBe(401);
    } finally {
      await second.close();
    }
  });

  it('tightens a token file others could read', async () => {
    const first = await start();
    await first.close();
    await chmod(tokenFile(), 0o644);
    const second = await start();
    try {
      expect((await stat(tokenFile())).mode & 0o777).toBe(0o600);
    } finally {
      await second.close();
    }
  });

  it('stores NETKEEP_ADMIN_TOKEN by hash once, and writes no file', async () => {
    const adminToken = `nk_${'Z'.repeat(43)}`;
    for (let run = 0; run < 2; run++) {
      const app = await start({ env: { NETKEEP_ADMIN_TOKEN: adminToken } });
      try {
        expect((await app.request('GET', '/api/v1/tokens', { token: adminToken })).status).toBe(200);
        expect(app.logs.text()).not.toContain(adminToken);
      } finally {
        await app.close();
      }
    }
    const rows = await database.db.selectFrom('api_tokens').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ role: 'admin', token_hash: hashApiToken(adminToken) })]);
    await expect(stat(tokenFile())).rejects.toThrow(/ENOENT/);
  });

  it('writes no file in service mode', async () => {
    const app = await start({ mode: 'service' });
    try {
      await expect(stat(tokenFile())).rejects.toThrow(/ENOENT/);
      expect(app.logs.records().some((record) => /NETKEEP_ADMIN_TOKEN is unset/.test(String(record['msg'])))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
