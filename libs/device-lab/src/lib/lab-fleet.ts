import { planFaults, type FaultPlan } from './fault-plan';
import { LabHostKeys, hostKeyFingerprint } from './host-keys';
import { planEndpoints, type LabAddressing } from './lab-addressing';
import { LabClock } from './lab-clock';
import { LabConfigError, UnknownDeviceError } from './lab-errors';
import { isLabFault, type LabFault } from './lab-faults';
import { PLATFORM_SHORT_NAMES } from './lab-platforms';
import { deriveSecret } from './lab-seed';
import {
  LAB_PLATFORMS,
  type LabDeviceIdentity,
  type LabDeviceState,
  type LabInterface,
  type LabPlatform,
  type Persona,
  type RenderedConfig,
} from './persona';
import { portsNamed } from './personas/interface-counters';
import { labEngineId, labSnmpCredentials, type LabSnmpCredentials } from './snmp/snmp-credentials';
import { snmpProfile } from './snmp/snmp-profiles';

export const DEFAULT_LAB_USERNAME = 'netkeep';
export const DEFAULT_LAB_SEED = 'netkeep-lab';
/** Devices boot before this instant, so uptimes are positive under any real clock. */
const LAB_EPOCH_MS = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;

export interface LabCredentials {
  username: string;
  password: string;
  /** The persona's enable secret; `null` where the platform has no privileged mode password. */
  enableSecret: string | null;
}

/** Where and how a device answers SNMP. */
export interface LabSnmpEndpoint extends LabSnmpCredentials {
  /** The UDP port the agent answers on; the planned one until the lab listens (0 = ephemeral). */
  port: number;
  engineId: Buffer;
  /** snmpEngineBoots: 1 when the lab starts, one more per reboot. */
  engineBoots: number;
  /** How the agent treats requests now (the SNMP knob). */
  behaviour: LabSnmpBehaviour;
}

/** The SNMP knob: an agent that answers late, or not at all (dead, firewalled, wrong ACL). */
export interface LabSnmpBehaviour {
  /** Drops every request, as an agent that is down or filtered does. */
  silent: boolean;
  /** Answers each request this much later (a busy control plane). */
  delayMs: number;
}

/** A delay longer than any manager waits is silence: refuse it rather than pile up timers. */
export const MAX_SNMP_DELAY_MS = 60_000;

export interface LabDevice {
  /** Replaced on reboot (a new `bootedAt`); everything else in it stays. */
  identity: LabDeviceIdentity;
  readonly persona: Persona;
  readonly credentials: LabCredentials;
  state: LabDeviceState;
  faults: readonly LabFault[];
  /** The port the device answers on; the planned one until the lab listens (0 = ephemeral). */
  port: number;
  snmp: LabSnmpEndpoint;
}

export type LinkState = 'up' | 'down';

/** An interface as the knob reports it back. */
export interface LabInterfaceState {
  name: string;
  adminUp: boolean;
  operUp: boolean;
  changedAt: string;
}

/** The change knob: what a test or demo does to a device's configuration. */
export interface ConfigChange {
  addLines?: readonly string[];
  descriptions?: Readonly<Record<string, string>>;
  by?: string;
}

export interface LabFleetOptions {
  devices: number;
  personaFor: (platform: LabPlatform) => Persona;
  /** Round-robin over these; default every platform. */
  platforms?: readonly LabPlatform[];
  addressing?: LabAddressing;
  baseAddress?: string;
  port?: number;
  /** UDP port of every device's SNMP agent (ports addressing: the first one); default 0 (ephemeral). */
  snmpPort?: number;
  username?: string;
  /** One password for every device; default a deterministic password per device. */
  password?: string;
  faults?: FaultPlan;
  seed?: string;
  clock?: LabClock;
}

/** The simulated devices and everything mutable about them; the servers only read it. */
export class LabFleet {
  readonly clock: LabClock;
  readonly hostKeys: LabHostKeys;
  private readonly devices = new Map<string, LabDevice>();
  private readonly sessionCounts = new Map<string, number>();

  constructor(options: LabFleetOptions) {
    const { devices: count, personaFor } = options;
    if (!Number.isInteger(count) || count < 1) throw new LabConfigError(`device count ${count} is not a positive integer`);
    const platforms = options.platforms ?? LAB_PLATFORMS;
    if (platforms.length === 0) throw new LabConfigError('the platform list is empty');
    const username = options.username ?? DEFAULT_LAB_USERNAME;
    if (username === '') throw new LabConfigError('the username is empty');
    if (options.password === '') throw new LabConfigError('the password is empty');
    const seed = options.seed ?? DEFAULT_LAB_SEED;
    this.clock = options.clock ?? new LabClock();
    this.hostKeys = new LabHostKeys(seed);

    const endpoints = planEndpoints({
      addressing: options.addressing ?? 'loopback',
      deviceCount: count,
      baseAddress: options.baseAddress,
      port: options.port ?? 0,
    });
    const snmpEndpoints = planEndpoints({
      addressing: options.addressing ?? 'loopback',
      deviceCount: count,
      baseAddress: options.baseAddress,
      port: options.snmpPort ?? 0,
    });
    const faults = planFaults(count, options.faults ?? {}, seed);
    const digits = Math.max(4, String(count).length);
    endpoints.forEach((endpoint, index) => {
      const platform = platforms[index % platforms.length];
      const name = `lab-${PLATFORM_SHORT_NAMES[platform]}-${String(index + 1).padStart(digits, '0')}`;
      const bootedAt = new Date(LAB_EPOCH_MS - (((index * 7919) % 365) + 1) * DAY_MS - index * 60_000);
      const identity: LabDeviceIdentity = { name, platform, index, address: endpoint.host, bootedAt };
      const persona = personaFor(platform);
      this.devices.set(name, {
        identity,
        persona,
        credentials: {
          username,
          password: options.password ?? deriveSecret(seed, `password:${name}`),
          enableSecret: persona.enableSecret?.(identity) ?? null,
        },
        state: { addedLines: [], descriptions: {}, changedAt: bootedAt, changedBy: 'admin' },
        faults: faults[index],
        port: endpoint.port,
        snmp: {
          ...labSnmpCredentials(identity),
          port: snmpEndpoints[index].port,
          engineId: labEngineId(snmpProfile(platform).enterprise, name),
          engineBoots: 1,
          behaviour: { silent: false, delayMs: 0 },
        },
      });
    });
  }

  list(): LabDevice[] {
    return [...this.devices.values()];
  }

  device(name: string): LabDevice {
    const device = this.devices.get(name);
    if (!device) throw new UnknownDeviceError(name);
    return device;
  }

  now(): Date {
    return this.clock.now();
  }

  changeConfig(name: string, change: ConfigChange): RenderedConfig {
    const device = this.device(name);
    const lines = change.addLines ?? [];
    const texts = [...lines, ...Object.values(change.descriptions ?? {})];
    if (texts.some((text) => /[\r\n]/.test(text))) throw new LabConfigError('added lines and descriptions are single lines');
    device.state = {
      addedLines: [...device.state.addedLines, ...lines],
      descriptions: { ...device.state.descriptions, ...change.descriptions },
      changedAt: this.now(),
      changedBy: change.by ?? DEFAULT_LAB_USERNAME,
    };
    return this.renderedConfig(name);
  }

  /**
   * The interface knob: takes a link down (oper down, counters stop) or back up. Counters
   * resume where they stopped; an unused port is shut in the configuration and stays down.
   */
  setInterfaceState(name: string, interfaceName: string, target: LinkState): LabInterfaceState {
    const device = this.device(name);
    const link = this.interfaceOf(device, interfaceName);
    if (!link.adminUp) throw new LabConfigError(`${link.name} on ${name} is shut in the configuration; only enabled interfaces flap`);
    const now = this.now();
    const history = device.state.links?.[link.name];
    const down = history?.downSince !== undefined;
    if ((target === 'down') !== down) {
      const bootMs = device.identity.bootedAt.getTime();
      const downMs = history?.downSince ? Math.max(0, now.getTime() - Math.max(history.downSince.getTime(), bootMs)) : 0;
      const next = {
        downSince: target === 'down' ? now : undefined,
        downMs: (history?.downMs ?? 0) + downMs,
        changedAt: now,
        transitions: (history?.transitions ?? 0) + 1,
      };
      device.state = { ...device.state, links: { ...device.state.links, [link.name]: next } };
    }
    return this.interfaceState(device, link);
  }

  /** Every physical interface of the device with its admin and oper state now. */
  interfaceStates(name: string): LabInterfaceState[] {
    const device = this.device(name);
    return (device.persona.interfaces?.(device.identity) ?? []).map((link) => this.interfaceState(device, link));
  }

  /**
   * Reboots the device now: uptime starts again from 0, counters restart from 0, flapped
   * links come back up, snmpEngineBoots goes up by one. Open SSH sessions survive (a lab mercy).
   */
  reboot(name: string): { name: string; bootedAt: string; engineBoots: number } {
    const device = this.device(name);
    const bootedAt = this.now();
    device.identity = { ...device.identity, bootedAt };
    device.state = { ...device.state, links: {} };
    device.snmp.engineBoots += 1;
    return { name, bootedAt: bootedAt.toISOString(), engineBoots: device.snmp.engineBoots };
  }

  /** Makes the device's SNMP agent silent or slow, or (with `{ silent: false, delayMs: 0 }`) normal again. */
  setSnmpBehaviour(name: string, change: Partial<LabSnmpBehaviour>): LabSnmpBehaviour {
    const device = this.device(name);
    const { delayMs } = change;
    if (delayMs !== undefined && !(Number.isInteger(delayMs) && delayMs >= 0 && delayMs <= MAX_SNMP_DELAY_MS)) {
      throw new LabConfigError(`SNMP delay ${delayMs} ms is not a whole number of milliseconds from 0 to ${MAX_SNMP_DELAY_MS}`);
    }
    device.snmp.behaviour = { ...device.snmp.behaviour, ...change };
    return { ...device.snmp.behaviour };
  }

  setFaults(name: string, faults: readonly LabFault[]): void {
    const unknown = faults.filter((fault) => !isLabFault(fault));
    if (unknown.length > 0) throw new LabConfigError(`unknown fault(s) ${unknown.join(', ')}`);
    this.device(name).faults = [...new Set(faults)];
  }

  hasFault(name: string, fault: LabFault): boolean {
    return this.device(name).faults.includes(fault);
  }

  rotateHostKey(name: string): void {
    this.device(name);
    this.hostKeys.rotate(name);
  }

  /** The fingerprint a client sees now: RSA for the legacy-dh fault, Ed25519 otherwise. */
  async hostKeyFingerprint(name: string): Promise<string> {
    const key = this.hasFault(name, 'legacy-dh') ? await this.hostKeys.rsa(name) : this.hostKeys.ed25519(name);
    return hostKeyFingerprint(key);
  }

  private interfaceOf(device: LabDevice, interfaceName: string): LabInterface {
    const links = device.persona.interfaces?.(device.identity) ?? [];
    const exact = links.filter((candidate) => candidate.name === interfaceName);
    const [link, ...others] = exact.length > 0 ? exact : portsNamed(links, interfaceName);
    if (!link || others.length > 0) {
      const known = links.map((candidate) => candidate.name);
      const hint = known.length > 0 ? `; it has ${known.slice(0, 4).join(', ')}${known.length > 4 ? ', …' : ''}` : '';
      throw new LabConfigError(`${device.identity.name} has no interface "${interfaceName}"${hint}`);
    }
    return link;
  }

  private interfaceState(device: LabDevice, link: LabInterface): LabInterfaceState {
    const history = device.state.links?.[link.name];
    return {
      name: link.name,
      adminUp: link.adminUp,
      operUp: link.adminUp && history?.downSince === undefined,
      changedAt: (history?.changedAt ?? device.identity.bootedAt).toISOString(),
    };
  }

  renderedConfig(name: string): RenderedConfig {
    const device = this.device(name);
    return device.persona.renderConfig(device.identity, device.state, this.now());
  }

  /** Sessions are SSH connections, counted from TCP accept until the socket closes. */
  openSessions(): number {
    let total = 0;
    for (const count of this.sessionCounts.values()) total += count;
    return total;
  }

  /** Open sessions of the devices that have any. */
  openSessionsByDevice(): Record<string, number> {
    return Object.fromEntries(this.sessionCounts);
  }

  sessionOpened(name: string): void {
    this.sessionCounts.set(name, (this.sessionCounts.get(name) ?? 0) + 1);
  }

  sessionClosed(name: string): void {
    const remaining = (this.sessionCounts.get(name) ?? 1) - 1;
    if (remaining > 0) this.sessionCounts.set(name, remaining);
    else this.sessionCounts.delete(name);
  }
}
