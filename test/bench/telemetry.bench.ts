import { Module } from '@nestjs/common';
import { bootstrapNetkeepApp, createLogger, deleteRedisKeys, loadConfig, mountDomains } from '@netkeep/core';
import { createTelemetryDomain, PollQueue, snmpPollObjects, TelemetryStateStore, type PollJob } from '@netkeep/telemetry';
import { Command } from 'commander';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { bareSnmpPoll } from './support/bare-snmp-poll';
import { reportBench } from './support/bench-report';
import { timedPool } from './support/bench-table';
import { LabInventoryPort, startLabProcess, type LabInventoryRecord } from '@netkeep/testing';

/**
 * Polls through the telemetry service — a BullMQ job per poll, the worker, SNMP, rates, the
 * snapshot and history written to Redis — against bare net-snmp asking the same devices for
 * the same OIDs at the same concurrency, in the same run. The lab runs in its own process.
 * Rounds alternate bare, service, service, bare … so warm-up and drift weigh on both sides.
 */
const options = new Command('bench:telemetry')
  .option('--devices <n>', 'lab devices to poll', (v) => Number.parseInt(v, 10), 500)
  .option('--concurrency <n>', 'polls at once (the worker\'s NETKEEP_TELEMETRY_CONCURRENCY)', (v) => Number.parseInt(v, 10), 50)
  .option('--polls <n>', 'polls per device on each side', (v) => Number.parseInt(v, 10), 4)
  .option('--platforms <list>', 'comma-separated lab platforms', 'cisco_ios,arista_eos,juniper_junos')
  .parse()
  .opts<{ devices: number; concurrency: number; polls: number; platforms: string }>();

const DRAIN_CHECK_MS = 10;

async function main(): Promise<void> {
  const lab = await startLabProcess(['--devices', String(options.devices), '--port', '0', '--snmp-port', '0', '--addressing', 'ports', '--platforms', options.platforms]);
  const dataDir = await mkdtemp(join(tmpdir(), 'netkeep-bench-telemetry-'));
  const redisPrefix = `netkeep-bench-${randomBytes(4).toString('hex')}:`;
  const config = loadConfig(
    {
      NETKEEP_DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${join(dataDir, 'netkeep.db')}`,
      NETKEEP_SECRET_KEY: randomBytes(32).toString('base64'),
      NETKEEP_SERVICE_TOKEN: `nk_svc_${randomBytes(32).toString('base64url')}`,
      NETKEEP_REDIS_PREFIX: redisPrefix,
      NETKEEP_LOG_LEVEL: 'info',
    },
    { mode: 'embedded' },
  );
  const logger = createLogger(config, pino.destination({ dest: '/dev/null', sync: true }));
  const devices = lab.devices as unknown as LabInventoryRecord[];
  const port = new LabInventoryPort(devices);
  // Schedules a day apart: every measured poll is one the bench asked for.
  const telemetry = createTelemetryDomain({ inventory: { useValue: port }, config: { concurrency: options.concurrency, intervalSeconds: 86_400, syncSeconds: 86_400 } });

  @Module({ imports: mountDomains(config, [telemetry], { logger }) })
  class BenchModule {}

  const app = await bootstrapNetkeepApp(BenchModule, config, { title: 'netkeep bench' });
  const redis = new Redis(config.redisUrl);
  try {
    const queue = app.get(PollQueue).queue;
    const store = app.get(TelemetryStateStore);
    const ids = devices.map((device) => port.idOf(device.name));
    const { scalars, columns } = snmpPollObjects();
    const valuesPerDevice = new Map<string, number>();

    const bare = async () =>
      timedPool(devices, options.concurrency, async (device) => {
        const snmp = device.snmp as NonNullable<LabInventoryRecord['snmp']>;
        valuesPerDevice.set(device.name, await bareSnmpPoll({ host: device.host, port: snmp.port, community: snmp.community }, scalars, columns));
      });
    let round = 0;
    // One job per device, all at once, as a fleet's schedules would queue them; the round ends when the queue is empty.
    const service = async () => {
      round += 1;
      const errorsBefore = await errorCount(store, ids);
      const started = performance.now();
      await queue.addBulk(ids.map((deviceId) => {
        const data: PollJob = { deviceId, source: 'snmp', intervalSeconds: 60 };
        return { name: 'poll-now', data, opts: { jobId: `bench:${round}:${deviceId}`, removeOnComplete: true, removeOnFail: true } };
      }));
      for (;;) {
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
        if (counts['waiting'] + counts['active'] + counts['prioritized'] === 0) break;
        await new Promise((resolve) => setTimeout(resolve, DRAIN_CHECK_MS));
      }
      const seconds = (performance.now() - started) / 1000;
      return { seconds, failures: (await errorCount(store, ids)) - errorsBefore };
    };
    const sides = { 'bare net-snmp': bare, 'telemetry service': service } as const;
    type Side = keyof typeof sides;

    // JIT, sockets and the first (rate-less) samples warm up unmeasured.
    await bare();
    await service();
    const order: Side[] = Array.from({ length: options.polls }, (_, i): Side[] => (i % 2 === 0 ? ['bare net-snmp', 'telemetry service'] : ['telemetry service', 'bare net-snmp'])).flat();
    const totals = new Map<Side, { seconds: number; failures: number; polls: number }>();
    for (const side of order) {
      const result = await sides[side]();
      const total = totals.get(side) ?? { seconds: 0, failures: 0, polls: 0 };
      totals.set(side, { seconds: total.seconds + result.seconds, failures: total.failures + result.failures, polls: total.polls + devices.length });
      console.log(`round ${side}: ${devices.length} polls in ${result.seconds.toFixed(2)}s, ${result.failures} failed`);
    }
    const valuesPerRound = [...valuesPerDevice.values()].reduce((sum, values) => sum + values, 0);
    const rate = (side: Side) => (totals.get(side)?.polls ?? 0) / (totals.get(side)?.seconds ?? 1);
    const stats = await redis.info('memory');
    const ratio = rate('telemetry service') / rate('bare net-snmp');
    reportBench(
      {
        bench: 'telemetry',
        size: `--devices ${devices.length} --concurrency ${options.concurrency}`,
        figures: [{ measure: 'polls through the telemetry service', value: rate('telemetry service'), unit: 'polls/s', reference: { name: 'bare net-snmp', value: rate('bare net-snmp') }, ratio }],
        ratio,
      },
      [...totals].map(([side, total]) => ({
        side,
        devices: devices.length,
        concurrency: options.concurrency,
        polls: total.polls,
        'polls/s': rate(side).toFixed(1),
        'values/s': ((rate(side) * valuesPerRound) / devices.length).toFixed(0),
        failures: total.failures,
      })),
      [
        `values per poll: ${(valuesPerRound / devices.length).toFixed(0)} (${scalars.length} scalars, ${columns.length} columns walked with GetBulk, SNMPv2c)`,
        `redis used_memory after the run: ${/used_memory_human:(\S+)/.exec(stats)?.[1]} (whole server, every prefix)`,
      ],
    );
  } finally {
    await app.close();
    await deleteRedisKeys(redis, redisPrefix);
    redis.disconnect();
    await rm(dataDir, { recursive: true, force: true });
    await lab.stop();
  }
}

async function errorCount(store: TelemetryStateStore, ids: readonly string[]): Promise<number> {
  let errors = 0;
  for (const status of (await store.pollStatuses(ids)).values()) errors += status.errors;
  return errors;
}

main().catch((error: Error) => {
  console.error(`bench:telemetry failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
