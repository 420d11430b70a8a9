import { createTestDatabase, type TestDatabase } from '@netkeep/core';
import { DeviceLab } from '@netkeep/device-lab';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveHistory } from '../testing/archive-history';
import { startBackupTestApp, waitFor, type BackupTestApp } from '../testing/backup-test-app';
import { LabInventoryPort, startPrivateRedis, type PrivateRedis } from '@netkeep/testing';
import { startWorkerProcess, type WorkerProcess } from '../testing/worker-process';
import { BackupQueues } from './backup-queues';

/** Each device of `names` has exactly one version in the index and one commit in git, and the history is one line. */
async function expectBackedUpOnce(app: BackupTestApp, database: TestDatabase, names: readonly string[], inventory: LabInventoryPort): Promise<void> {
  const rows = await database.db
    .selectFrom('config_versions')
    .select(['device_id', (eb) => eb.fn.countAll().as('count')])
    .where('device_id', 'in', names.map((name) => inventory.idOf(name)))
    .groupBy('device_id')
    .execute();
  expect(rows).toHaveLength(names.length);
  expect(rows.every((row) => Number(row.count) === 1)).toBe(true);
  const history = await archiveHistory(app.config.dataDir);
  expect(history.every((commit) => commit.parents.length <= 1)).toBe(true);
  const committed = history.flatMap((commit) => /^Device-Id: (.+)$/m.exec(commit.message)?.[1] ?? []);
  for (const name of names) expect(committed.filter((id) => id === inventory.idOf(name)), name).toHaveLength(1);
}

const WORKER_ENV = {
  NETKEEP_BACKUP_CONCURRENCY: '4',
  NETKEEP_BACKUP_LOCK_MS: '3000',
  NETKEEP_BACKUP_BACKOFF_MS: '200',
  NETKEEP_BACKUP_CONNECT_TIMEOUT_MS: '3000',
  NETKEEP_BACKUP_AUTH_TIMEOUT_MS: '3000',
  NETKEEP_BACKUP_PROMPT_TIMEOUT_MS: '2000',
  NETKEEP_BACKUP_COMMAND_IDLE_TIMEOUT_MS: '1500',
  NETKEEP_LOG_LEVEL: 'info',
};

describe('worker processes against one Redis and one database (API process is the archive writer)', () => {
  let lab: DeviceLab;
  let inventory: LabInventoryPort;
  let database: TestDatabase;
  let app: BackupTestApp;
  let dir: string;
  const workers: WorkerProcess[] = [];
  const names = (from: number, to: number) => lab.fleet.list().slice(from, to).map((device) => device.identity.name);

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 180, addressing: 'ports', port: 0 });
    dir = await mkdtemp(join(tmpdir(), 'netkeep-workers-'));
    await lab.writeInventory(join(dir, 'lab.json'));
    inventory = new LabInventoryPort(lab.inventory().devices);
    database = await createTestDatabase('sqlite');
    app = await startBackupTestApp({ inventory, database, settings: { role: 'api' } });
    const env = {
      ...WORKER_ENV,
      DATABASE_URL: database.url,
      REDIS_URL: app.config.redisUrl,
      NETKEEP_REDIS_PREFIX: app.config.redisPrefix,
      NETKEEP_SECRET_KEY: randomBytes(32).toString('base64'),
      NETKEEP_SERVICE_TOKEN: `nk_svc_${randomBytes(24).toString('base64url')}`,
      NETKEEP_LAB_INVENTORY: join(dir, 'lab.json'),
    };
    workers.push(...(await Promise.all([1, 2].map((n) => startWorkerProcess({ ...env, NETKEEP_DATA_DIR: join(dir, `worker-${n}`) })))));
  }, 90_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill('SIGTERM')));
    await app?.close();
    await database?.destroy();
    await lab?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('two worker processes share a run; the archive history is linear and complete', async () => {
    const devices = names(0, 60);
    const run = await app.waitForRun((await app.startRun({ selector: { names: devices } })).id);
    expect(run.progress).toMatchObject({ total: 60, succeeded: 60 });
    const completed = await app.app.get(BackupQueues, { strict: false }).devices.getCompleted(0, 100);
    const processors = new Set(completed.filter((job) => job.data.runId === run.id).map((job) => job.processedBy));
    expect(processors.size).toBe(2);
    await expectBackedUpOnce(app, database, devices, inventory);
  }, 60_000);

  it('a worker process killed mid-run loses nothing: its jobs are taken up again, every device is backed up exactly once', async () => {
    const devices = names(60, 180);
    const started = await app.startRun({ selector: { names: devices } });
    const queues = app.app.get(BackupQueues, { strict: false });
    const victim = workers[0]!;
    // Sessions outpace the archive's one writer: "a quarter done" is counted in devices taken, not devices stored.
    await waitFor('a quarter of the run taken, and sessions open in the worker to kill', async () => {
      const run = (await app.request('GET', `/api/v1/backups/${started.id}`, { token: app.operatorToken })).body;
      if (run.progress.queued > 90) return false;
      return (await queues.devices.getActive()).some((job) => job.processedBy?.endsWith(`/${victim.pid}`));
    }, 60_000, 10).catch((error: Error) => {
      const warnings = app.logs.lines.filter((line) => /"level":"(warn|error)"/.test(line)).slice(-20).join('');
      throw new Error(`${error.message}\n${warnings}\n${workers.map((worker) => worker.output().slice(-2000)).join('\n')}`);
    });
    await victim.kill('SIGKILL');
    const run = await app.waitForRun(started.id, 90_000);
    expect(run.progress).toMatchObject({ total: 120, succeeded: 120, failed: 0 });
    await expectBackedUpOnce(app, database, devices, inventory);
    expect((await archiveHistory(app.config.dataDir)).length).toBe(180);
  }, 120_000);
});

describe('a Redis restart mid-run (append-only file on)', () => {
  let lab: DeviceLab;
  let inventory: LabInventoryPort;
  let redis: PrivateRedis;
  let database: TestDatabase;
  let app: BackupTestApp;

  beforeAll(async () => {
    lab = await DeviceLab.start({ devices: 150, addressing: 'ports', port: 0 });
    inventory = new LabInventoryPort(lab.inventory().devices);
    redis = await startPrivateRedis();
    database = await createTestDatabase('sqlite');
    app = await startBackupTestApp({ inventory, database, env: { REDIS_URL: redis.url }, settings: { concurrency: 6 } });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    await redis?.destroy();
    await lab?.stop();
  });

  it('loses nothing: the run completes and every device is backed up exactly once', async () => {
    const devices = lab.fleet.list().map((device) => device.identity.name);
    const started = await app.startRun({ selector: {} });
    await waitFor('a quarter of the run done', async () => {
      const run = (await app.request('GET', `/api/v1/backups/${started.id}`, { token: app.operatorToken })).body;
      return run.progress.succeeded >= 40;
    }, 60_000, 10);
    await redis.stop();
    const during = (await app.request('GET', `/api/v1/backups/${started.id}`, { token: app.operatorToken })).body;
    expect(during.status).toBe('running');
    await redis.start();
    const run = await app.waitForRun(started.id, 90_000);
    expect(run.progress).toMatchObject({ total: 150, succeeded: 150, failed: 0 });
    await expectBackedUpOnce(app, database, devices, inventory);
  }, 120_000);
});
