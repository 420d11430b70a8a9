import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { labInventory, listDevices, waitForRun, type DeviceView } from '../e2e/support/fleet';
import { PlatformProcess, waitFor } from '../e2e/support/platform-process';
import { reportBench } from './support/bench-report';
import type { LabInventoryDevice } from '@netkeep/device-lab';
import { startLabProcess } from '@netkeep/testing';
import { NODE_RUNTIME_FLAGS } from '@netkeep/build-tools';

/**
 * Memory footprint of the platform process (`npm start`, embedded mode), read from
 * /proc/<pid>/status:
 *
 * - idle: 1,000 devices registered (a generated lab-format inventory: the lab's devices, then
 *   more entries pointing at the same lab devices under other names), default settings, no API
 *   traffic; the median VmRSS over a sampling window once the import has settled.
 * - busy: started again on the same data dir with a small NETKEEP_TELEMETRY_INTERVAL_SECONDS,
 *   the generated extras' telemetry switched off, backing up the lab's devices while polling
 *   them; the highest VmRSS sampled and VmHWM.
 *
 * The platform runs as `npm start` runs it: the bundle on plain node with NODE_RUNTIME_FLAGS.
 * The reference is a bare `node <same flags> -e "setInterval(()=>{},1e3)"` in the same run.
 * The last line is `ratio:` platform idle RSS over the bare node RSS.
 */
const options = new Command('bench:footprint')
  .option('--registered <n>', 'devices registered for the idle figure', (v) => Number.parseInt(v, 10), 1000)
  .option('--devices <n>', 'lab devices backed up and polled for the busy figure', (v) => Number.parseInt(v, 10), 500)
  .option('--interval <s>', 'NETKEEP_TELEMETRY_INTERVAL_SECONDS while busy', (v) => Number.parseInt(v, 10), 5)
  .option('--idle-window <s>', 'seconds of idle samples', (v) => Number.parseInt(v, 10), 20)
  .parse()
  .opts<{ registered: number; devices: number; interval: number; idleWindow: number }>();

const GOAL_IDLE_MB = 150;
const GOAL_BUSY_MB = 300;
const WORKSPACE = resolve(__dirname, '../..');
const MB = 1024 * 1024;

interface Memory {
  rss: number;
  hwm: number;
}

async function memoryOf(pid: number): Promise<Memory> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
    return Number(match[1]) * 1024;
  };
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Samples VmRSS every `everyMs` until `stop` resolves; returns every sample. */
async function sampleWhile(pid: number, stop: Promise<unknown>, everyMs = 250): Promise<number[]> {
  const samples: number[] = [];
  let done = false;
  void stop.finally(() => (done = true));
  while (!done) {
    samples.push((await memoryOf(pid)).rss);
    await Promise.race([new Promise((wake) => setTimeout(wake, everyMs)), stop.catch(() => undefined)]);
  }
  samples.push((await memoryOf(pid)).rss);
  return samples;
}

const window = (seconds: number) => new Promise((done) => setTimeout(done, seconds * 1000));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes: number) => (bytes / MB).toFixed(1);

/** The bare reference: an idle node with the same flags, measured after the same kind of window. */
async function bareNodeRss(): Promise<number> {
  const child = spawn(process.execPath, [...NODE_RUNTIME_FLAGS, '-e', 'setInterval(()=>{},1e3); console.log("ready")'], {
    cwd: WORKSPACE,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((done, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && done());
      child.once('exit', (code) => reject(new Error(`bare node exited with ${code}`)));
    });
    if (child.pid === undefined) throw new Error('bare node did not start');
    const samples = await sampleWhile(child.pid, window(5));
    return median(samples);
  } finally {
    child.kill('SIGTERM');
  }
}

/** `registered` lab-format entries: the lab's devices, then extras pointing at the same lab devices. */
function generatedInventory(devices: readonly LabInventoryDevice[], registered: number): LabInventoryDevice[] {
  return Array.from({ length: registered }, (_, i) => {
    const device = devices[i % devices.length];
    return i < devices.length ? device : { ...device, name: `${device.name}-extra-${String(i).padStart(4, '0')}` };
  });
}

async function main(): Promise<void> {
  const bare = await bareNodeRss();
  console.log(`bare node (${NODE_RUNTIME_FLAGS.join(' ')}, idle): ${mb(bare)} MB RSS`);

  const lab = await startLabProcess(['--devices', String(options.devices), '--addressing', 'ports', '--port', '0', '--snmp-port', '0'], 120_000);
  const platform = await PlatformProcess.start();
  try {
    const inventory = generatedInventory(lab.devices, options.registered);
    const body = JSON.parse(labInventory(lab)) as Record<string, unknown>;
    const imported = await platform.api.post<{ created: number }>('/devices/import?format=lab', JSON.stringify({ ...body, devices: inventory }));
    const devices = await listDevices(platform.api);
    console.log(`registered ${devices.length} devices (${imported.created} created) pointing at a lab of ${lab.devices.length}`);
    if (devices.length !== options.registered) throw new Error(`expected ${options.registered} devices, found ${devices.length}`);

    // Let the import, the first schedule sync and its first polls pass, then sample a quiet window.
    await window(10);
    const idleSamples = await sampleWhile(platform.pid, window(options.idleWindow), 500);
    const idle = median(idleSamples);
    const idleHwm = (await memoryOf(platform.pid)).hwm;
    console.log(`idle: median ${mb(idle)} MB RSS over ${options.idleWindow} s (max ${mb(Math.max(...idleSamples))}, VmHWM so far ${mb(idleHwm)})`);

    // Busy: only the lab's own devices are polled (the extras' telemetry off) at a small interval.
    const labNames = new Set(lab.devices.map((device) => device.name));
    const extras = devices.filter((device) => !labNames.has(device.name));
    for (const device of extras) await platform.api.call('PUT', `/telemetry/devices/${device.id}/settings`, { enabled: false });
    const busyPlatform = platform;
    await busyPlatform.restart({ NETKEEP_TELEMETRY_INTERVAL_SECONDS: String(options.interval) });
    const targets: DeviceView[] = devices.filter((device) => labNames.has(device.name));
    const started = Date.now();
    const busy = (async () => {
      const run = await busyPlatform.api.post<{ id: string }>('/backups', { deviceIds: targets.map((device) => device.id) }, 202);
      const finished = await waitForRun(busyPlatform.api, run.id, 600_000);
      // Keep polling for two more intervals after the backup, so the peak covers polls alone too.
      await window(2 * options.interval);
      return finished;
    })();
    const busySamples = await sampleWhile(busyPlatform.pid, busy, 250);
    const run = await busy;
    const polled = await waitFor('telemetry status', () => busyPlatform.api.get<{ count: number; results: { poll: { lastSuccessAt: string | null } }[] }>('/telemetry/devices?limit=1000'), 10_000);
    const answered = polled.results.filter((device) => device.poll.lastSuccessAt !== null).length;
    const busyPeak = Math.max(...busySamples);
    const busyHwm = (await memoryOf(busyPlatform.pid)).hwm;
    console.log(
      `busy: backup of ${run.progress.total} devices (${run.progress.succeeded} archived, ${run.progress.failed} failed) and polls every ${options.interval} s ` +
        `(${answered} devices answered) over ${((Date.now() - started) / 1000).toFixed(1)} s: peak ${mb(busyPeak)} MB RSS sampled, VmHWM ${mb(busyHwm)} MB`,
    );

    const busyRss = Math.max(busyPeak, busyHwm);
    reportBench(
      {
        bench: 'footprint',
        size: `--registered ${options.registered} --devices ${options.devices} --interval ${options.interval}`,
        figures: [
          { measure: `platform idle, ${options.registered} devices`, value: idle / MB, unit: 'MB RSS', reference: { name: 'bare node', value: bare / MB }, ratio: idle / bare, goal: `< ${GOAL_IDLE_MB}`, met: idle < GOAL_IDLE_MB * MB },
          { measure: `platform busy, backup+poll ${options.devices}`, value: busyRss / MB, unit: 'MB RSS', reference: { name: 'bare node', value: bare / MB }, ratio: busyRss / bare, goal: `< ${GOAL_BUSY_MB}`, met: busyRss < GOAL_BUSY_MB * MB },
        ],
        ratio: idle / bare,
      },
      [
        { measure: `platform idle, ${options.registered} devices`, 'RSS MB': mb(idle), 'goal MB': `< ${GOAL_IDLE_MB}`, verdict: idle < GOAL_IDLE_MB * MB ? 'met' : 'MISSED' },
        { measure: `platform busy, backup+poll ${options.devices}`, 'RSS MB': mb(busyRss), 'goal MB': `< ${GOAL_BUSY_MB}`, verdict: busyRss < GOAL_BUSY_MB * MB ? 'met' : 'MISSED' },
        { measure: 'bare node, same flags, idle', 'RSS MB': mb(bare), 'goal MB': '-', verdict: 'reference' },
      ],
    );
  } finally {
    await Promise.allSettled([platform.dispose(), lab.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
