import { isIPv4 } from 'node:net';
import { LabConfigError } from './lab-errors';

/**
 * `loopback`: every device on its own 127.x.y.z address, all on one port (like a real
 * network). `ports`: every device on one address, each on its own port.
 */
export const LAB_ADDRESSING_MODES = ['loopback', 'ports'] as const;
export type LabAddressing = (typeof LAB_ADDRESSING_MODES)[number];

export const DEFAULT_LOOPBACK_BASE = '127.20.0.1';
export const DEFAULT_PORTS_ADDRESS = '127.0.0.1';

/** Where one device listens; port 0 asks the operating system for an ephemeral port. */
export interface PlannedEndpoint {
  host: string;
  port: number;
}

export interface AddressPlan {
  addressing: LabAddressing;
  deviceCount: number;
  baseAddress?: string;
  port: number;
}

export function planEndpoints(plan: AddressPlan): PlannedEndpoint[] {
  if (!Number.isInteger(plan.port) || plan.port < 0 || plan.port > 65_535) {
    throw new LabConfigError(`port ${plan.port} is not a TCP port (0-65535; 0 = ephemeral)`);
  }
  return plan.addressing === 'loopback' ? planLoopbackAddresses(plan) : planPorts(plan);
}

function planLoopbackAddresses(plan: AddressPlan): PlannedEndpoint[] {
  let address = loopbackToNumber(plan.baseAddress ?? DEFAULT_LOOPBACK_BASE);
  const endpoints: PlannedEndpoint[] = [];
  while (endpoints.length < plan.deviceCount) {
    // Host parts .0 and .255 look like network and broadcast addresses to people and tools.
    const hostPart = address & 0xff;
    if (hostPart !== 0 && hostPart !== 0xff) endpoints.push({ host: numberToAddress(address), port: plan.port });
    address += 1;
    if (address >>> 24 !== 127) {
      throw new LabConfigError(`${plan.deviceCount} devices do not fit in 127.0.0.0/8 from ${plan.baseAddress}`);
    }
  }
  return endpoints;
}

function planPorts(plan: AddressPlan): PlannedEndpoint[] {
  const host = plan.baseAddress ?? DEFAULT_PORTS_ADDRESS;
  loopbackToNumber(host);
  if (plan.port !== 0 && plan.port + plan.deviceCount - 1 > 65_535) {
    throw new LabConfigError(`${plan.deviceCount} devices from port ${plan.port} run past port 65535`);
  }
  return Array.from({ length: plan.deviceCount }, (_, index) => ({
    host,
    port: plan.port === 0 ? 0 : plan.port + index,
  }));
}

/** The lab only ever listens on loopback: it must never answer on a real network. */
function loopbackToNumber(address: string): number {
  if (!isIPv4(address) || !address.startsWith('127.')) {
    throw new LabConfigError(`base address ${address} is not an IPv4 loopback address (127.0.0.0/8)`);
  }
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function numberToAddress(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}
