import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface LabInventoryDevice {
  name: string;
  host: string;
  port: number;
  platform: string;
  username: string;
  password: string;
  enableSecret?: string;
  faults: string[];
}

export interface LabProcess {
  devices: LabInventoryDevice[];
  control: string;
  pid: number;
  stop(): Promise<void>;
}

const WORKSPACE = resolve(__dirname, '../../..');

/** Starts the device lab app in its own process, as an operator would, and reads its inventory. */
export async function startLabProcess(args: string[], readyTimeoutMs = 60_000): Promise<LabProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'netkeep-lab-'));
  const inventoryPath = join(dir, 'inventory.json');
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/device-lab/src/main.ts', ...args, '--control-port', '0', '--inventory', inventoryPath],
    { cwd: WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitForReady(child, readyTimeoutMs);
  const inventory = JSON.parse(await readFile(inventoryPath, 'utf8')) as { devices: LabInventoryDevice[]; lab: { control: string } };
  return {
    devices: inventory.devices,
    control: inventory.lab.control,
    pid: child.pid!,
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

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`device lab not ready within ${timeoutMs}ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('device lab ready')) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`device lab exited with ${code} before it was ready:\n${output}`)));
  });
}
