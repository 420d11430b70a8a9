import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { LabFault } from './lab-faults';
import type { LabFleet } from './lab-fleet';
import type { LabPlatform } from './persona';

/** One device as netkeep (or any tool) needs it to connect. */
export interface LabInventoryDevice {
  name: string;
  host: string;
  port: number;
  platform: LabPlatform;
  username: string;
  password: string;
  /** Absent where the platform has no enable secret. */
  enableSecret?: string;
  faults: LabFault[];
  /** The device's SNMP agent on `host`: v2c community and a v3 authPriv user. */
  snmp: LabInventorySnmp;
}

export interface LabInventorySnmp {
  port: number;
  community: string;
  v3: { user: string; authProtocol: 'sha'; authKey: string; privProtocol: 'aes'; privKey: string };
}

export interface LabInventory {
  generatedAt: string;
  lab: { control: string };
  devices: LabInventoryDevice[];
}

export function buildInventory(fleet: LabFleet, controlUrl: string): LabInventory {
  return {
    generatedAt: new Date().toISOString(),
    lab: { control: controlUrl },
    devices: fleet.list().map(({ identity, port, credentials, faults, snmp }) => ({
      name: identity.name,
      host: identity.address,
      port,
      platform: identity.platform,
      username: credentials.username,
      password: credentials.password,
      ...(credentials.enableSecret === null ? {} : { enableSecret: credentials.enableSecret }),
      faults: [...faults],
      snmp: { port: snmp.port, community: snmp.community, v3: { ...snmp.v3 } },
    })),
  };
}

/**
 * Writes the inventory readable by its owner only (it holds passwords): a new 0600 file
 * renamed over the old one, so no reader ever sees it half written or world readable.
 */
export async function writeInventoryFile(path: string, inventory: LabInventory): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}`);
  const file = await open(temporary, 'wx', 0o600);
  try {
    // The mode given to open() passes through the umask; make 0600 explicit.
    await file.chmod(0o600);
    await file.writeFile(`${JSON.stringify(inventory, null, 2)}\n`);
    await file.close();
    await rename(temporary, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
