import { Command, InvalidArgumentError, Option } from 'commander';
import { resolve } from 'node:path';
import {
  DeviceLab,
  LAB_ADDRESSING_MODES,
  LAB_FAULT_NAMES,
  LabConfigError,
  parseFaultCounts,
  parsePlatformList,
  type FaultCounts,
  type LabAddressing,
  type LabInventoryDevice,
  type LabPlatform,
} from '@netkeep/device-lab';

const READY_LINE = 'device lab ready';

interface LabCliOptions {
  devices: number;
  platforms?: LabPlatform[];
  addressing: LabAddressing;
  baseAddress?: string;
  port: number;
  snmpPort: number;
  controlPort: number;
  inventory: string;
  faults?: FaultCounts;
  faultRate?: number;
  username: string;
  password?: string;
}

function integer(min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return value;
  };
}

function rate(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !(value >= 0 && value <= 1)) throw new InvalidArgumentError('expected a share from 0 to 1');
  return value;
}

/** Turns the lab's own validation errors into commander's one-line option errors. */
function checked<T>(parse: (text: string) => T) {
  return (text: string): T => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

const program = new Command('device-lab')
  .description('Simulated routers and switches over SSH and SNMP, for netkeep tests, benchmarks and demos')
  .option('--devices <n>', 'number of devices', integer(1, 100_000), 20)
  .option('--platforms <list>', 'comma-separated platforms, round-robin (default: all)', checked(parsePlatformList))
  .addOption(
    new Option('--addressing <mode>', 'one loopback address per device, or one port per device')
      .choices(LAB_ADDRESSING_MODES)
      .default('loopback'),
  )
  .option('--base-address <ip>', 'first device address (default 127.20.0.1, or 127.0.0.1 with ports)')
  .option('--port <port>', 'SSH port (ports mode: the first one); 0 = ephemeral', integer(0, 65_535), 2222)
  .option('--snmp-port <port>', 'SNMP UDP port (ports mode: the first one); 0 = ephemeral', integer(0, 65_535), 1161)
  .option('--control-port <port>', 'HTTP control endpoint port on 127.0.0.1; 0 = ephemeral', integer(0, 65_535), 8022)
  .option('--inventory <path>', 'where to write the inventory (mode 0600)', '.netkeep/lab-inventory.json')
  .option('--faults <spec>', 'devices per fault, e.g. hang-mid-output:2,auth-fail:1', checked(parseFaultCounts))
  .option('--fault-rate <share>', 'share of devices with a fault, spread across every mode', rate)
  .option('--username <name>', 'login username of every device', 'netkeep')
  .option('--password <password>', 'one password for every device (or NETKEEP_LAB_PASSWORD); default per device')
  .showHelpAfterError(false);

function describeListening(devices: LabInventoryDevice[]): string {
  const hosts = [...new Set(devices.map((device) => device.host))];
  const ports = devices.map((device) => device.port);
  const [low, high] = [Math.min(...ports), Math.max(...ports)];
  const hostText = hosts.length === 1 ? hosts[0] : `${hosts[0]} - ${hosts[hosts.length - 1]}`;
  return `listening: ${hostText} ${low === high ? `port ${low}` : `ports ${low}-${high}`}`;
}

/** SNMP shares the SSH addresses; only the ports differ. */
function describeSnmp(devices: LabInventoryDevice[]): string {
  const ports = devices.map((device) => device.snmp.port);
  const [low, high] = [Math.min(...ports), Math.max(...ports)];
  return `snmp: udp ${low === high ? `port ${low}` : `ports ${low}-${high}`}, v2c and v3 (SHA/AES), credentials in the inventory`;
}

/** In `--faults` syntax, so the line can be pasted back as an option. */
function describeFaults(devices: LabInventoryDevice[]): string {
  const faults = devices.flatMap((device) => device.faults);
  const counts = LAB_FAULT_NAMES.map((fault) => [fault, faults.filter((each) => each === fault).length] as const);
  const present = counts.filter(([, count]) => count > 0);
  return present.length === 0 ? 'none' : present.map(([fault, count]) => `${fault}:${count}`).join(',');
}

async function main(): Promise<void> {
  const options = program.parse().opts<LabCliOptions>();
  const inventoryPath = resolve(options.inventory);
  const started = performance.now();
  const lab = await DeviceLab.start({
    devices: options.devices,
    platforms: options.platforms,
    addressing: options.addressing,
    baseAddress: options.baseAddress,
    port: options.port,
    snmpPort: options.snmpPort,
    controlPort: options.controlPort,
    username: options.username,
    password: options.password ?? process.env['NETKEEP_LAB_PASSWORD'],
    faults: { counts: options.faults, rate: options.faultRate },
    onSessionError: (device, error) =>
      console.error(`session error on ${device}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  try {
    await lab.writeInventory(inventoryPath);
  } catch (error) {
    await lab.stop();
    throw new LabConfigError(`cannot write the inventory to ${inventoryPath}: ${(error as Error).message}`);
  }
  const { devices } = lab.inventory();
  const stop = async (signal: string): Promise<void> => {
    console.log(`${signal}: stopping`);
    await lab.stop();
    console.log('device lab stopped');
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  console.log(`devices: ${devices.length} (${[...new Set(devices.map((device) => device.platform))].join(', ')})`);
  console.log(describeListening(devices));
  console.log(describeSnmp(devices));
  console.log(`faults: ${describeFaults(devices)}`);
  console.log(`control: ${lab.controlUrl}`);
  console.log(`inventory: ${inventoryPath}`);
  const rssMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
  console.log(`started in ${Math.round(performance.now() - started)} ms, rss ${rssMb} MB`);
  console.log(READY_LINE);
}

main().catch((error: unknown) => {
  // A bad option is the operator's to fix: one line. Anything else is a bug: the whole stack.
  const detail = error instanceof LabConfigError ? error.message : error instanceof Error ? error.stack : String(error);
  console.error(`device lab: ${detail}`);
  process.exitCode = 1;
});
