import { Command } from 'commander';
import { DeviceSession, findPlatform, requirePlatform, type DeviceTarget } from '@netkeep/ssh';
import { reportBench } from './support/bench-report';
import { timedPool } from './support/bench-table';
import type { LabInventoryDevice } from '@netkeep/device-lab';
import { startLabProcess } from '@netkeep/testing';
import { rawFetchConfig } from './support/raw-ssh2-fetch';

/**
 * Configuration fetch throughput of libs/ssh against a bare ssh2 loop, over the same lab
 * devices in the same run. Rounds alternate raw, netkeep, netkeep, raw so that warm-up
 * and drift weigh on both sides equally.
 */
const options = new Command('bench:ssh')
  .option('--devices <n>', 'lab devices to fetch', (v) => Number.parseInt(v, 10), 500)
  .option('--concurrency <n>', 'sessions at once', (v) => Number.parseInt(v, 10), 50)
  .option('--platforms <list>', 'comma-separated lab platforms (default: all)')
  .parse()
  .opts<{ devices: number; concurrency: number; platforms?: string }>();

async function main(): Promise<void> {
  const labArgs = ['--devices', String(options.devices), '--port', '0', '--addressing', 'ports'];
  if (options.platforms) labArgs.push('--platforms', options.platforms);
  const lab = await startLabProcess(labArgs);
  try {
    const devices = lab.devices;
    const raw = (device: LabInventoryDevice) => rawFetchConfig(device, requirePlatform(device.platform));
    const netkeep = async (device: LabInventoryDevice) => {
      const session = await DeviceSession.open(toTarget(device));
      try {
        await session.getConfig();
      } finally {
        await session.close();
      }
    };
    const rounds = [
      ['raw ssh2', raw],
      ['libs/ssh', netkeep],
      ['libs/ssh', netkeep],
      ['raw ssh2', raw],
    ] as const;
    // JIT, lab host keys and first connections warm up outside the measured rounds.
    const warmUp = devices.slice(0, Math.min(devices.length, options.concurrency * 2));
    await timedPool(warmUp, options.concurrency, raw);
    await timedPool(warmUp, options.concurrency, netkeep);
    const totals = new Map<string, { seconds: number; failures: number }>();
    for (const [name, work] of rounds) {
      const result = await timedPool(devices, options.concurrency, work);
      const total = totals.get(name) ?? { seconds: 0, failures: 0 };
      totals.set(name, { seconds: total.seconds + result.seconds, failures: total.failures + result.failures });
      console.log(`round ${name}: ${devices.length} devices in ${result.seconds.toFixed(2)}s, ${result.failures} failed`);
    }
    const rate = (name: string) => (2 * devices.length) / totals.get(name)!.seconds;
    const ratio = rate('libs/ssh') / rate('raw ssh2');
    reportBench(
      {
        bench: 'ssh',
        size: `--devices ${devices.length} --concurrency ${options.concurrency}`,
        figures: [{ measure: 'libs/ssh sessions', value: rate('libs/ssh'), unit: 'devices/s', reference: { name: 'raw ssh2', value: rate('raw ssh2') }, ratio }],
        ratio,
      },
      [...totals].map(([name, total]) => ({
        client: name,
        devices: devices.length,
        concurrency: options.concurrency,
        'devices/s': rate(name).toFixed(1),
        failures: total.failures,
      })),
    );
  } finally {
    await lab.stop();
  }
}

function toTarget(device: LabInventoryDevice): DeviceTarget {
  if (!findPlatform(device.platform)) throw new Error(`lab platform ${device.platform} has no driver`);
  return { ...device };
}

main().catch((error: Error) => {
  console.error(`bench:ssh failed: ${error.message}`);
  process.exit(1);
});
