import type { LabInventory, LabInventoryDevice, RenderedConfig } from '@netkeep/device-lab';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../../..');
const READY_MARK = 'device lab ready';

/** The device lab app in a process of its own, as an operator runs it: its CPU is not the tested process's. */
export interface LabProcess {
  devices: LabInventoryDevice[];
  /** The lab's control endpoint. */
  control: string;
  pid: number;
  /** Everything the lab printed so far. */
  output(): string;
  /** The configuration a device prints and the secrets in it, from the control endpoint. */
  renderedConfig(device: string): Promise<RenderedConfig>;
  /** The SNMP knob: silent, or answering `delayMs` late. */
  setSnmp(device: string, behaviour: { silent?: boolean; delayMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `apps/device-lab` with `args` (plus its own control port and inventory file) and reads the inventory it wrote. */
export async function startLabProcess(args: readonly string[], readyTimeoutMs = 60_000): Promise<LabProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'netkeep-lab-'));
  const inventoryPath = join(dir, 'inventory.json');
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/device-lab/src/main.ts', ...args, '--control-port', '0', '--inventory', inventoryPath],
    { cwd: WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await ready(child, () => output, readyTimeoutMs);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const inventory = JSON.parse(await readFile(inventoryPath, 'utf8')) as LabInventory;
  const control = inventory.lab.control;
  const controlCall = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(control + path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`lab ${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    devices: inventory.devices,
    control,
    pid: child.pid!,
    output: () => output,
    renderedConfig: async (device) => ((await controlCall('GET', `/devices/${encodeURIComponent(device)}`)) as { config: RenderedConfig }).config,
    setSnmp: async (device, behaviour) => {
      await controlCall('PUT', `/devices/${encodeURIComponent(device)}/snmp`, behaviour);
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function ready(child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolveReady, reject) => {
    const onData = (): void => {
      if (!output().includes(READY_MARK)) return;
      finish();
      resolveReady();
    };
    const exited = (code: number | null): void => fail(new Error(`device lab exited with ${code} before it was ready:\n${output()}`));
    const finish = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', exited);
    };
    const fail = (error: Error): void => {
      finish();
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`device lab not ready within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', exited);
    onData();
  });
}
