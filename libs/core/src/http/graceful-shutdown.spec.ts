import { Controller, Get, Inject, Module } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE } from '../database/database.constants';
import { loggerFor } from '../logging/process-logger';
import { startTestApp } from '../testing/test-app';
import { createTestDatabase } from '../testing/test-database';
import { installGracefulShutdown } from './graceful-shutdown';
import type { NetkeepDatabase } from '../database/netkeep-database';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const entered = deferred();
const release = deferred();

@Controller('api/v1/slow')
class SlowController {
  constructor(@Inject(DATABASE) private readonly db: NetkeepDatabase) {}

  @Get()
  async slow() {
    entered.resolve();
    await release.promise;
    // Still usable: the database closes only after the HTTP server has drained.
    const rows = await this.db.selectFrom('api_tokens').select('id').execute();
    return { finished: true, tokens: rows.length };
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

describe('graceful shutdown', () => {
  it('lets the in-flight request finish, then closes everything and exits 0', async () => {
    const database = await createTestDatabase('sqlite');
    const dataDir = await mkdtemp(join(tmpdir(), 'netkeep-shutdown-'));
    try {
      const t = await startTestApp({ database, dataDir, domains: [{ module: SlowModule }] });
      const exited = deferred<number>();
      installGracefulShutdown(t.app, loggerFor(t.config), { signals: ['SIGUSR2'], exit: exited.resolve });

      const inFlight = t.request('GET', '/api/v1/slow', { token: t.adminToken });
      await entered.promise;
      process.emit('SIGUSR2', 'SIGUSR2');
      release.resolve();

      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ finished: true, tokens: 1 });
      expect(await exited.promise).toBe(0);
      await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
      const messages = t.logs.records().map((record) => record['msg']);
      expect(messages).toEqual(expect.arrayContaining(['SIGUSR2: shutting down', 'stopped']));
    } finally {
      await database.destroy();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
