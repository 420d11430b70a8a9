import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { ADMIN_TOKEN_FILE, type NetkeepConfig } from '@netkeep/core';
import { DeviceLab } from '@netkeep/device-lab';
import { DemoClient } from './demo-client';

const DEMO_DEVICES = 20;
const FIRST_BACKUP_TIMEOUT_MS = 120_000;

interface RunView {
  id: string;
  status: 'running' | 'finished';
  progress: { total: number; succeeded: number; unchanged: number; failed: number };
}

/**
 * `npm start -- --demo`: a lab of 20 simulated devices beside the platform, imported through
 * the API and backed up once, then a few lines saying where to look next.
 */
export async function runDemo(app: INestApplication, config: NetkeepConfig): Promise<void> {
  const lab = await DeviceLab.start({ devices: DEMO_DEVICES, addressing: 'ports', port: 0 });
  app.getHttpServer().once('close', () => void lab.stop());
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://${config.host}:${address.port}`;
  const tokenPath = join(config.dataDir, ADMIN_TOKEN_FILE);
  const token = config.adminToken ?? (await readFile(tokenPath, 'utf8')).trim();
  const api = new DemoClient(baseUrl, token);

  const imported = await api.call<{ created: number; updated: number }>(
    'POST',
    '/api/v1/devices/import?format=lab',
    JSON.stringify(lab.inventory()),
  );
  const started = await api.call<{ id: string }>('POST', '/api/v1/backups', JSON.stringify({ selector: {} }));
  const run = await waitForRun(api, started.id);

  const tokenHint = config.adminToken ? 'the NETKEEP_ADMIN_TOKEN you set' : tokenPath;
  const firstDevice = lab.inventory().devices[0].name;
  process.stdout.write(
    [
      '',
      `netkeep demo: ${DEMO_DEVICES} lab devices (${imported.created} new, ${imported.updated} updated), first backup ${run.status}: ` +
        `${run.progress.succeeded} archived, ${run.progress.unchanged} unchanged, ${run.progress.failed} failed`,
      `  API      ${baseUrl}/api/v1`,
      `  API docs ${baseUrl}/api/docs`,
      `  token    ${tokenHint}`,
      `  lab      ${lab.controlUrl} (change a device: POST /devices/${firstDevice}/config)`,
      '',
      'Try:',
      `  TOKEN=$(cat ${tokenPath})`,
      `  curl -s -H "Authorization: Bearer $TOKEN" '${baseUrl}/api/v1/devices?platform=cisco_ios&limit=5'`,
      `  curl -s -H "Authorization: Bearer $TOKEN" '${baseUrl}/api/v1/configs/search?pattern=snmp-server'`,
      `  curl -s -H "Authorization: Bearer $TOKEN" -X POST -H 'content-type: application/json' -d '{"selector":{"platform":"juniper_junos"}}' ${baseUrl}/api/v1/backups`,
      '',
    ].join('\n'),
  );
}

async function waitForRun(api: DemoClient, runId: string): Promise<RunView> {
  const deadline = Date.now() + FIRST_BACKUP_TIMEOUT_MS;
  for (;;) {
    const run = await api.call<RunView>('GET', `/api/v1/backups/${runId}`);
    if (run.status === 'finished' || Date.now() > deadline) return run;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
