import { Command } from 'commander';
import { createBackupDomain } from '@netkeep/backup';
import type { BackupRunDto } from '@netkeep/contracts';
import { deleteRedisKeys, startTestApp, type TestApp } from '@netkeep/core';
import { runOnDevices, type DeviceTarget } from '@netkeep/ssh';
import Redis from 'ioredis';
import { readFileSync } from 'node:fs';
import { reportBench } from './support/bench-report';
import type { LabInventoryDevice } from '@netkeep/device-lab';
import { LabInventoryPort, startLabProcess, type LabProcess } from '@netkeep/testing';

/**
 * Backup throughput end to end beside libs/ssh's bare runner, over the same lab devices in the
 * same process run. A backup is triggered through the API (POST /api/v1/backups, every
 * device) and timed until GET /api/v1/backups/:id says every device is archived: queue,
 * device locks, SSH sessions, the archive's one writer. The bare runner is `runOnDevices`
 * fetching the same configurations with the same concurrency. The lab runs in its own process.
 *
 * Both paths warm up first, unmeasured: the bare runner once, and netkeep with a first backup
 * into an app of its own, so that neither side's figures carry the JIT compiling its code.
 * Each round: bare, a first backup into a fresh app (every device a new version: a commit
 * each, facts read), a second backup (nothing changed), bare again; rates are total devices
 * over total seconds, so drift weighs on both sides. Beside the rates, the CPU time
 * each path spent per device, in this process (the app, or the bare runner) and in the lab:
 * on a shared machine the rates move with whatever else runs, the CPU per device much less.
 */
const options = new Command('bench:backup')
  .option('--devices <n>', 'lab devices to back up', (v) => Number.parseInt(v, 10), 1000)
  .option('--concurrency <n>', 'sessions at once (NETKEEP_BACKUP_CONCURRENCY, and the bare runner)', (v) => Number.parseInt(v, 10), 50)
  .option('--rounds <n>', 'measured rounds', (v) => Number.parseInt(v, 10), 3)
  .option('--platforms <list>', 'comma-separated lab platforms (default: all)')
  .parse()
  .opts<{ devices: number; concurrency: number; rounds: number; platforms?: string }>();

interface Measured {
  seconds: number;
  failures: number;
  /** User and system time of this process, every thread. */
  cpuSeconds: number;
  labCpuSeconds: number;
}

async function main(): Promise<void> {
  const labArgs = ['--devices', String(options.devices), '--port', '0', '--snmp-port', '0', '--addressing', 'ports'];
  if (options.platforms) labArgs.push('--platforms', options.platforms);
  const lab = await startLabProcess(labArgs, 120_000);
  labPid = lab.pid;
  try {
    const targets = lab.devices.map(toTarget);
    const bare = () => timed(async () => failuresOf(await runOnDevices(targets, (session) => session.getConfig(), { concurrency: options.concurrency })));
    // JIT, the lab's host keys and first connections warm up outside the measured rounds, on both sides.
    report('warm-up bare runner', await bare());
    await withApp(lab, async (app) => void report('warm-up backup, every device new', await backupRun(app)));
    const totals = { bare: zero(), first: zero(), unchanged: zero() };
    for (let round = 1; round <= options.rounds; round++) {
      add(totals.bare, report(`round ${round} bare runner`, await bare()));
      await withApp(lab, async (app) => {
        add(totals.first, report(`round ${round} backup, every device new`, await backupRun(app)));
        add(totals.unchanged, report(`round ${round} backup, nothing changed`, await backupRun(app)));
      });
      add(totals.bare, report(`round ${round} bare runner`, await bare()));
    }
    const rate = (total: Measured, runs: number) => (runs * options.devices) / total.seconds;
    const bareRate = rate(totals.bare, 2 * options.rounds);
    const firstRate = rate(totals.first, options.rounds);
    const unchangedRate = rate(totals.unchanged, options.rounds);
    const cpuPerDevice = (seconds: number, runs: number) => ((1000 * seconds) / (runs * options.devices)).toFixed(2);
    const row = (path: string, devicesPerSecond: number, total: Measured, runs: number) => ({
      path,
      devices: options.devices,
      concurrency: options.concurrency,
      'devices/s': devicesPerSecond.toFixed(1),
      'vs bare': (devicesPerSecond / bareRate).toFixed(2),
      'cpu ms/device': cpuPerDevice(total.cpuSeconds, runs),
      'lab cpu ms/device': cpuPerDevice(total.labCpuSeconds, runs),
      failures: total.failures,
    });
    const bareReference = { name: 'libs/ssh runOnDevices', value: bareRate };
    reportBench(
      {
        bench: 'backup',
        size: `--devices ${options.devices} --concurrency ${options.concurrency} --rounds ${options.rounds}`,
        figures: [
          { measure: 'backup through the API, every device new', value: firstRate, unit: 'devices/s', reference: bareReference, ratio: firstRate / bareRate, goal: '>= 0.7', met: firstRate / bareRate >= 0.7 },
          { measure: 'backup through the API, nothing changed', value: unchangedRate, unit: 'devices/s', reference: bareReference, ratio: unchangedRate / bareRate },
        ],
        ratio: firstRate / bareRate,
      },
      [
        row('API → queue → SSH → archive, every device new', firstRate, totals.first, options.rounds),
        row('API → queue → SSH → archive, nothing changed', unchangedRate, totals.unchanged, options.rounds),
        row('libs/ssh runOnDevices (getConfig)', bareRate, totals.bare, 2 * options.rounds),
      ],
      [`ratio (nothing changed): ${(unchangedRate / bareRate).toFixed(2)}`],
    );
  } finally {
    await lab.stop();
  }
}

/** A fresh app (database, archive, Redis prefix) over the lab, closed and cleaned up afterwards. */
async function withApp(lab: LabProcess, use: (app: TestApp) => Promise<void>): Promise<void> {
  const app = await startTestApp({
    domains: [
      createBackupDomain({
        inventory: { useValue: new LabInventoryPort(lab.devices) },
        settings: { concurrency: options.concurrency, siteConcurrency: 0 },
        env: {},
      }),
    ],
    env: { NETKEEP_LOG_LEVEL: 'warn' },
  });
  try {
    await use(app);
  } finally {
    await app.close();
    const redis = new Redis(app.config.redisUrl);
    await deleteRedisKeys(redis, app.config.redisPrefix);
    await redis.quit();
  }
}

/** POST /api/v1/backups for every device, then GET the run until it says every device is archived. */
function backupRun(app: TestApp): Promise<Measured> {
  return timed(async () => {
    const started = await app.request<BackupRunDto>('POST', '/api/v1/backups', { token: app.adminToken, body: { selector: {} } });
    if (started.status !== 202) throw new Error(`POST /api/v1/backups answered ${started.status}: ${JSON.stringify(started.body)}`);
    for (;;) {
      // Progress only (?status=failed lists just the failures), as a dashboard would poll it.
      const run = (await app.request<BackupRunDto>('GET', `/api/v1/backups/${started.body.id}?status=failed`, { token: app.adminToken })).body;
      if (run.status === 'finished') return run.progress.failed;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
}

let labPid = 0;

/** CPU seconds the lab process has used so far, from /proc (0 where there is none). */
function labCpuSeconds(): number {
  try {
    const fields = readFileSync(`/proc/${labPid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, in the kernel's USER_HZ ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function timed(work: () => Promise<number>): Promise<Measured> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const labBefore = labCpuSeconds();
  const failures = await work();
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - started) / 1000, failures, cpuSeconds: (cpu.user + cpu.system) / 1e6, labCpuSeconds: labCpuSeconds() - labBefore };
}

function report(what: string, measured: Measured): Measured {
  console.log(
    `${what}: ${options.devices} devices in ${measured.seconds.toFixed(2)}s, ${measured.failures} failed; cpu ${measured.cpuSeconds.toFixed(2)}s here, ${measured.labCpuSeconds.toFixed(2)}s in the lab`,
  );
  return measured;
}

const zero = (): Measured => ({ seconds: 0, failures: 0, cpuSeconds: 0, labCpuSeconds: 0 });

function add(total: Measured, measured: Measured): void {
  total.seconds += measured.seconds;
  total.failures += measured.failures;
  total.cpuSeconds += measured.cpuSeconds;
  total.labCpuSeconds += measured.labCpuSeconds;
}

function failuresOf(results: readonly { ok: boolean }[]): number {
  return results.filter((result) => !result.ok).length;
}

function toTarget(device: LabInventoryDevice): DeviceTarget {
  return { ...device, enableSecret: device.enableSecret ?? undefined };
}

main().catch((error: Error) => {
  console.error(`bench:backup failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
