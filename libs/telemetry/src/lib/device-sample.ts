/**
 * One poll of one device, whichever way it was read (SNMP or the CLI): what the rate
 * maths, `/metrics` and the current-state API all start from. Counters are BigInt so a
 * 64-bit counter stays exact past 2^53.
 */

/** IF-MIB ifAdminStatus / ifOperStatus values, by name. */
export type InterfaceStatus = 'up' | 'down' | 'testing' | 'unknown' | 'dormant' | 'notPresent' | 'lowerLayerDown';

export interface InterfaceSample {
  /** SNMP ifIndex; absent where the CLI does not print one. */
  ifIndex?: number;
  /** ifName, the vendor's short name (`Gi1/0/1`): the key that pairs an interface across samples. */
  name: string;
  /** ifDescr, usually the full name (`GigabitEthernet1/0/1`). */
  descr: string;
  /** ifAlias: the description an engineer configured. */
  alias: string;
  adminStatus: InterfaceStatus;
  operStatus: InterfaceStatus;
  /** ifHighSpeed (or ifSpeed / 10^6); 0 when the device does not say. */
  speedMbps: number;
  /** Width of the octet counters: 64 from ifXTable (and the CLI), 32 from ifTable only. */
  counterBits: 64 | 32;
  inOctets: bigint;
  outOctets: bigint;
  /** Error and discard counters are Counter32 over SNMP (ifTable has nothing wider). */
  inErrors: bigint;
  outErrors: bigint;
  inDiscards: bigint;
  outDiscards: bigint;
  /**
   * Packets of every kind (unicast + multicast + broadcast), 64-bit: ifXTable's HC packet
   * counters over SNMP, `packets input/output` on the CLI. Absent where the device does not
   * give them (ifTable-only agents), and then there is no packet rate.
   */
  inPackets?: bigint;
  outPackets?: bigint;
  /** ifCounterDiscontinuityTime (hundredths): when it moves, the counters restarted. */
  discontinuityHundredths?: number;
}

export interface DeviceSample {
  source: 'snmp' | 'cli';
  /** The poller's clock when the answers were in. */
  takenAt: Date;
  /**
   * SNMP: sysUpTime in hundredths of a second, a TimeTicks that wraps at 2^32 (~497 days).
   * CLI: the uptime the device prints, to the resolution it prints it (a minute on IOS).
   */
  sysUpTimeHundredths: number;
  /** snmpEngineBoots and snmpEngineTime where the agent has them: a reboot test that does not wrap. */
  engine?: { boots: number; timeSeconds: number };
  sysName: string;
  sysDescr: string;
  sysObjectId?: string;
  /** Whole-device CPU in percent, where the device exposes it. */
  cpuPercent?: number;
  memory?: { usedBytes: number; totalBytes: number };
  interfaces: InterfaceSample[];
}

/** The six counters every interface sample carries, by name. */
export const INTERFACE_COUNTERS = ['inOctets', 'outOctets', 'inErrors', 'outErrors', 'inDiscards', 'outDiscards'] as const;
export type InterfaceCounterName = (typeof INTERFACE_COUNTERS)[number];

/** The optional packet counters: rated when both samples have them. */
export const PACKET_COUNTERS = ['inPackets', 'outPackets'] as const;
export type PacketCounterName = (typeof PACKET_COUNTERS)[number];
