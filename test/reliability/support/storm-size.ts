/** How big the fault storm is: `npm test` runs the default; `NETKEEP_STORM_DEVICES=1000` is the full size. */
export interface StormSize {
  devices: number;
  /** Share of the lab's devices that start with a fault, spread over every lab fault mode. */
  faultRate: number;
  /** Healthy devices made to hang mid-output while the run is under way. */
  devicesMadeToHang: number;
  /** Healthy devices archived before the storm whose host key then changes. */
  hostKeyChanges: number;
  /** NETKEEP_TELEMETRY_INTERVAL_SECONDS: every device is polled this often throughout. */
  telemetryIntervalSeconds: number;
}

export const CI_STORM_DEVICES = 300;

export function stormSize(env: Record<string, string | undefined> = process.env): StormSize {
  const text = env['NETKEEP_STORM_DEVICES'];
  const devices = text === undefined || text.trim() === '' ? CI_STORM_DEVICES : Number(text);
  if (!Number.isInteger(devices) || devices < 100 || devices > 5_000) {
    throw new Error(`NETKEEP_STORM_DEVICES must be a whole number of devices from 100 to 5000 (got "${text}")`);
  }
  return {
    devices,
    faultRate: 0.1,
    devicesMadeToHang: 20,
    hostKeyChanges: Math.max(3, Math.round(devices / 100)),
    // A poll of every device every few seconds, without letting SNMP crowd out the SSH sessions on two cores.
    telemetryIntervalSeconds: devices > 500 ? 10 : 5,
  };
}
