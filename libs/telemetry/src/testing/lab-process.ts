import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LabDeviceRecord } from './lab-inventory-port';

const WORKSPACE = resolve(__dirname, '../../../..');

/** The device lab app in a process of its own, as an operator runs it: its CPU is not the poller's. */
export interface LabProcess {
  devices: LabDeviceRecord[];
  /** The lab's control endpoint. */
  control: string;
  /** The SNMP knob over the control endpoint: silent, or answering `delayMs` late. */
  setSnmp(name: string, behaviour: { silent?: boolean; delayMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

export async function startLabProcess(args: readonly string[], readyTimeoutMs = 60_000): Promise<LabProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'netkeep-telemetry-lab-'));
  const inventoryPath = join(dir, 'inventory.json');
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/device-lab/src/main.ts', ...args, '--control-port', '0', '--inventory', inventoryPath],
    { cwd: WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    await ready(child, readyTimeoutMs);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const inventory = JSON.parse(await readFile(inventoryPath, 'utf8')) as { devices: LabDeviceRecord[]; lab: { control: string } };
  const control = inventory.lab.control;
  return {
    devices: inventory.devices,
    control,
    setSnmp: async (name, behaviour) => {
      const response = await fetch(`${control}/devices/${encodeURIComponent(name)}/snmp`, { method: 'PUT', body: JSON.stringify(behaviour) });
      if (!response.ok) throw new Error(`lab SNMP knob on ${name}: ${response.status} ${await response.text()}`);
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function ready(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let output = '';
    const exited = (code: number | null): void => fail(new Error(`device lab exited with ${code} before it was ready:\n${output}`));
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`device lab not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('device lab ready')) {
        clearTimeout(timer);
        child.off('exit', exited);
        resolveReady();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', exited);
  });
}
