import type { LabInventory, LabInventoryDevice, RenderedConfig } from '@netkeep/device-lab';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './netkeep-process';

export interface DeviceLabProcess {
  devices: LabInventoryDevice[];
  /** The configuration the device prints and the secrets in it, from the lab's control endpoint. */
  renderedConfig(device: string): Promise<RenderedConfig>;
  output(): string;
  stop(): Promise<void>;
}

const READY_MARK = 'device lab ready';
const READY_TIMEOUT_MS = 60_000;

/** The lab app (`npm run lab`) in its own process, exactly as an operator starts it. */
export async function startDeviceLabProcess(options: {
  devices: number;
  platforms?: string;
  faults?: string;
}): Promise<DeviceLabProcess> {
  const workDir = await mkdtemp(join(tmpdir(), 'netkeep-cli-lab-'));
  const inventoryPath = join(workDir, 'inventory.json');
  const args = ['--devices', String(options.devices), '--port', '0', '--control-port', '0', '--inventory', inventoryPath];
  if (options.platforms) args.push('--platforms', options.platforms);
  if (options.faults) args.push('--faults', options.faults);
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/device-lab/src/main.ts', ...args], {
    cwd: WORKSPACE_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: string) => (output += chunk);
  child.stdout?.setEncoding('utf8').on('data', collect);
  child.stderr?.setEncoding('utf8').on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    await waitForReady(child, () => output);
    const inventory = JSON.parse(await readFile(inventoryPath, 'utf8')) as LabInventory;
    const renderedConfig = async (device: string) => {
      const response = await fetch(`${inventory.lab.control}/devices/${encodeURIComponent(device)}`);
      return ((await response.json()) as { config: RenderedConfig }).config;
    };
    return { devices: inventory.devices, renderedConfig, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForReady(child: ChildProcess, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!output().includes(READY_MARK)) return;
      finish();
      resolve();
    };
    const onClose = (code: number | null) => {
      finish();
      reject(new Error(`device lab exited (code ${code}) before it was ready:\n${output()}`));
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`device lab not ready after ${READY_TIMEOUT_MS} ms:\n${output()}`));
    }, READY_TIMEOUT_MS);
    const finish = () => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('close', onClose);
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('close', onClose);
  });
}
