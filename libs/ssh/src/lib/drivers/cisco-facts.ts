import { captured } from './device-facts';
import { parseUptimePhrase } from './uptime';

/** Words that stand where IOS prints the hostname in `<host> uptime is …` but are not one. */
const NOT_A_HOSTNAME = new Set(['System', 'Kernel']);
const UPTIME_LINE = /^(\S+) uptime is (.+)$/m;

/** `lab-ios-0001 uptime is 2 weeks, …` (IOS, XR 6), `System uptime is …` (XR 7), `Kernel uptime is …` (NX-OS). */
export function ciscoUptime(showVersion: string): { hostname?: string; uptimeSeconds?: number } {
  const line = UPTIME_LINE.exec(showVersion);
  if (!line) return {};
  return {
    hostname: NOT_A_HOSTNAME.has(line[1]) ? undefined : line[1],
    uptimeSeconds: parseUptimePhrase(line[2]),
  };
}

/** `cisco C9300-48P (X86) processor with …`, `Cisco CISCO2911/K9 (revision 1.0) with 491520K/32768K bytes of memory.` */
export function ciscoProcessorModel(showVersion: string): string | undefined {
  return captured(showVersion, /^cisco (\S+) .*?(?:processor|bytes of memory)/im);
}

export function ciscoBoardSerial(showVersion: string): string | undefined {
  return captured(showVersion, /^\s*Processor board ID (\S+)/im);
}

export interface InventoryItem {
  name: string;
  description: string;
  pid: string;
  serial: string;
}

const INVENTORY_ITEM = /NAME:\s*"([^"]*)",\s*DESCR:\s*"([^"]*)"[ \t]*\n\s*PID:\s*([^,\n]*?)\s*,\s*VID:[^,\n]*,\s*SN:[ \t]*(\S*)/g;

/** `show inventory`: `NAME: "…", DESCR: "…"` followed by `PID: …, VID: …, SN: …`. */
export function parseCiscoInventory(showInventory: string): InventoryItem[] {
  return [...showInventory.matchAll(INVENTORY_ITEM)].map(([, name, description, pid, serial]) => ({ name, description, pid, serial }));
}

/**
 * The chassis: the item named as one (`Chassis`, XR `Rack 0`), else described as one (power
 * supplies and fans may say "chassis" too, hence the name first), else the first with a serial.
 */
export function inventoryChassis(showInventory: string): InventoryItem | undefined {
  const items = parseCiscoInventory(showInventory).filter((item) => item.serial !== '');
  return (
    items.find((item) => /chassis|^Rack \d+$/i.test(item.name)) ?? items.find((item) => /chassis/i.test(item.description)) ?? items[0]
  );
}
