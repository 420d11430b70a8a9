import { Module } from '@nestjs/common';
import { ApiTokensService, bootstrapNetkeepApp, createLogger, loadConfig, mountDomains } from '@netkeep/core';
import { inventoryDomain } from '@netkeep/inventory';
import { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startBareJsonServer } from './support/bare-json-server';
import { reportBench } from './support/bench-report';
import { runHttpLoad, type HttpLoadResult } from './support/http-load';

/**
 * GET /api/v1/devices with 10,000 devices stored (SQLite, the embedded default) against a bare
 * node:http server answering the same JSON, in the same run. The load comes from a worker thread
 * over keep-alive connections; rounds run bare, list, filtered, filtered, list, bare so warm-up
 * and drift weigh on every side alike. The app logs at info, as in production, to /dev/null.
 */
const options = new Command('bench:api')
  .option('--devices <n>', 'devices to store', (v) => Number.parseInt(v, 10), 10_000)
  .option('--requests <n>', 'requests per round', (v) => Number.parseInt(v, 10), 3_000)
  .option('--connections <n>', 'concurrent keep-alive connections', (v) => Number.parseInt(v, 10), 32)
  .parse()
  .opts<{ devices: number; requests: number; connections: number }>();

const PLATFORMS = ['cisco_ios', 'arista_eos', 'juniper_junos', 'cisco_nxos', 'mikrotik_routeros'];
const LIST_PATH = '/api/v1/devices?limit=100';
const FILTERED_PATH = '/api/v1/devices?platform=cisco_ios&tag=core&limit=100';

/** A CSV of `count` devices: platforms in turn, every other device tagged core, ten sites. */
function inventoryCsv(count: number): string {
  const lines = ['name,host,port,platform,site,role,tags,notes'];
  for (let i = 0; i < count; i++) {
    const tags = [i % 2 === 0 ? 'core' : 'edge', `rack-${i % 40}`].join('|');
    const host = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    lines.push(`dev-${String(i).padStart(5, '0')},${host},22,${PLATFORMS[i % PLATFORMS.length]},dc${i % 10},${i % 3 === 0 ? 'core' : 'access'},${tags},seeded for bench`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'netkeep-bench-api-'));
  const config = loadConfig(
    {
      NETKEEP_DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${join(dataDir, 'netkeep.db')}`,
      NETKEEP_SECRET_KEY: randomBytes(32).toString('base64'),
      NETKEEP_ADMIN_TOKEN: `nk_${randomBytes(32).toString('base64url')}`,
      NETKEEP_SERVICE_TOKEN: `nk_svc_${randomBytes(32).toString('base64url')}`,
      NETKEEP_REDIS_PREFIX: `netkeep-bench-${randomBytes(4).toString('hex')}:`,
      NETKEEP_BODY_LIMIT_MB: '50',
      NETKEEP_LOG_LEVEL: 'info',
    },
    { mode: 'embedded' },
  );
  const logger = createLogger(config, pino.destination({ dest: '/dev/null', sync: true }));

  @Module({ imports: mountDomains(config, [inventoryDomain], { logger }) })
  class BenchModule {}

  const app = await bootstrapNetkeepApp(BenchModule, config, { title: 'netkeep bench' });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const appUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  let bare: Awaited<ReturnType<typeof startBareJsonServer>> | undefined;
  try {
    const seedStarted = performance.now();
    const seeded = await fetch(`${appUrl}/api/v1/devices/import?format=csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.adminToken}`, 'content-type': 'text/csv' },
      body: inventoryCsv(options.devices),
    });
    const seedResult = (await seeded.json()) as { created?: number; message?: string };
    if (seeded.status !== 200) throw new Error(`seeding failed: ${seeded.status} ${seedResult.message}`);
    console.log(`seeded ${seedResult.created} devices through POST /api/v1/devices/import in ${((performance.now() - seedStarted) / 1000).toFixed(2)}s`);

    const { token } = await app.get(ApiTokensService).issue({ name: 'bench', role: 'viewer' });
    const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const listBody = Buffer.from(await (await fetch(`${appUrl}${LIST_PATH}`, { headers })).arrayBuffer());
    const filtered = (await (await fetch(`${appUrl}${FILTERED_PATH}`, { headers })).json()) as { count: number };
    console.log(`list page: ${listBody.length} bytes; filtered query matches ${filtered.count} devices`);
    bare = await startBareJsonServer(listBody);

    const targets: Record<string, string> = {
      'bare node:http': `${bare.url}${LIST_PATH}`,
      [`GET ${LIST_PATH}`]: `${appUrl}${LIST_PATH}`,
      [`GET ${FILTERED_PATH}`]: `${appUrl}${FILTERED_PATH}`,
    };
    const names = Object.keys(targets);
    const load = (name: string, requests = options.requests) =>
      runHttpLoad({ url: targets[name], headers, connections: options.connections, requests });

    for (const name of names) await load(name, Math.min(500, options.requests)); // JIT and connections warm up unmeasured
    const results = new Map<string, HttpLoadResult[]>();
    for (const name of [...names, ...[...names].reverse()]) {
      const result = await load(name);
      results.set(name, [...(results.get(name) ?? []), result]);
      console.log(`round ${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms.toFixed(1)} ms, ${result.failures} failed`);
    }

    const summary = names.map((name) => {
      const rounds = results.get(name) ?? [];
      const requests = rounds.reduce((sum, round) => sum + round.requests, 0);
      const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
      return {
        name,
        rate: requests / seconds,
        p50: Math.max(...rounds.map((round) => round.p50Ms)),
        p99: Math.max(...rounds.map((round) => round.p99Ms)),
        failures: rounds.reduce((sum, round) => sum + round.failures, 0),
      };
    });
    const [bareRow, listRow, filteredRow] = summary;
    reportBench(
      {
        bench: 'api',
        size: `--devices ${options.devices} --connections ${options.connections}`,
        figures: [
          { measure: 'GET /api/v1/devices (page of 50)', value: listRow.rate, unit: 'req/s', reference: { name: bareRow.name, value: bareRow.rate }, ratio: listRow.rate / bareRow.rate },
          { measure: 'GET /api/v1/devices filtered', value: filteredRow.rate, unit: 'req/s', reference: { name: bareRow.name, value: bareRow.rate }, ratio: filteredRow.rate / bareRow.rate },
        ],
        ratio: listRow.rate / bareRow.rate,
      },
      summary.map((row) => ({
        target: row.name,
        devices: options.devices,
        connections: options.connections,
        'req/s': row.rate.toFixed(0),
        'p50 ms': row.p50.toFixed(1),
        'p99 ms': row.p99.toFixed(1),
        failures: row.failures,
      })),
      [`filtered ratio: ${(filteredRow.rate / bareRow.rate).toFixed(3)}`],
    );
  } finally {
    await bare?.close();
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`bench:api failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
