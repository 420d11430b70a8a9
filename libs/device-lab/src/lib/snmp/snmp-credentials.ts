import type { LabDeviceIdentity } from '../persona';
import { networkPlan } from '../personas/network-plan';

/** What a manager needs to poll one lab device: v2c community and v3 USM user (authPriv, SHA + AES-128). */
export interface LabSnmpCredentials {
  community: string;
  v3: { user: string; authProtocol: 'sha'; authKey: string; privProtocol: 'aes'; privKey: string };
}

/** Two uplinks, as every persona plans them: the plan's secrets then come out as the persona's. */
const PLAN_PORTS = ['uplink-1', 'uplink-2'];

/**
 * The device's own SNMP settings from its network plan, so the community its running
 * configuration prints (`snmp-server community ro-… RO`) is the one its agent answers to.
 */
export function labSnmpCredentials(device: LabDeviceIdentity): LabSnmpCredentials {
  const { snmp } = networkPlan(device, PLAN_PORTS, 2);
  return {
    community: snmp.readCommunity,
    v3: { user: snmp.user, authProtocol: 'sha', authKey: snmp.authPassword, privProtocol: 'aes', privKey: snmp.privPassword },
  };
}

/** The plan's location and contact, for sysLocation and sysContact. */
export function labSnmpSystem(device: LabDeviceIdentity): { location: string; contact: string } {
  const plan = networkPlan(device, PLAN_PORTS, 2);
  return { location: plan.location, contact: plan.contact };
}

/** RFC 3411 text-format engine ID under the vendor's enterprise: unique per device name. */
export function labEngineId(enterprise: number, deviceName: string): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE((0x80000000 | enterprise) >>> 0, 0);
  head[4] = 4;
  return Buffer.concat([head, Buffer.from(deviceName.slice(0, 27), 'ascii')]);
}
