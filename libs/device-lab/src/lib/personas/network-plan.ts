import type { LabDeviceIdentity } from '../persona';
import { type Ipv4Prefix, ipv4ToNumber, isIpv4, numberToIpv4, offsetIpv4 } from './ipv4';
import { plainPassword } from './secret-formats';
import { SeededRandom, HEX_DIGITS } from './seeded-random';

/**
 * What a device is configured to do, before any vendor syntax: ports, VLANs, routing,
 * filters, accounts and management services, all derived from the device identity.
 * Secrets here are plain text; each persona encodes them the way its vendor prints them.
 */

export type PortRole = 'uplink' | 'downlink' | 'unused';

export interface PlannedPort {
  name: string;
  /** Position in the persona's port list, from 0. */
  index: number;
  role: PortRole;
  description: string;
  /** Access VLAN where the device switches; unused ports park in the dead VLAN. */
  vlan: number;
  /** Routed address: a /31 towards the core on uplinks, a /30 towards the attached host on downlinks. */
  address?: Ipv4Prefix;
  /** The far end of an uplink. */
  peer?: { hostname: string; address: string; port: string; asn: number };
  mtu: number;
  /** 12 lower-case hex digits. */
  mac: string;
}

export interface PlannedVlan {
  id: number;
  name: string;
  /** The device's own address in the VLAN (the hosts' gateway). */
  gateway: Ipv4Prefix;
  /** The downlink carrying the VLAN as a tagged sub-interface, where the device routes instead of switching. */
  port: string;
}

export interface PlannedRoute {
  prefix: Ipv4Prefix;
  /** An address, or `discard` for a null route. */
  nextHop: string;
  name: string;
}

export interface AclEntry {
  action: 'permit' | 'deny';
  protocol: 'ip' | 'tcp' | 'udp' | 'icmp';
  /** `undefined` means any. */
  source?: Ipv4Prefix;
  destination?: Ipv4Prefix;
  port?: { number: number; name: string };
  log?: boolean;
}

export interface PlannedAcl {
  name: string;
  entries: AclEntry[];
}

export interface PlannedUser {
  name: string;
  role: 'admin' | 'operator' | 'viewer';
  /** Cisco-style privilege level: 15 admin, 5 operator, 1 viewer. */
  privilege: number;
}

export interface NetworkPlan {
  hostname: string;
  domain: string;
  location: string;
  contact: string;
  management: { address: string; prefixLength: number; gateway: string };
  loopback: Ipv4Prefix;
  ports: PlannedPort[];
  vlans: PlannedVlan[];
  /** The VLAN unused ports park in. */
  deadVlan: number;
  routes: PlannedRoute[];
  ospf: { processId: number; area: string; key: string };
  bgp: { asn: number; neighbors: { address: string; remoteAs: number; description: string; password: string }[]; networks: Ipv4Prefix[] };
  acls: PlannedAcl[];
  users: PlannedUser[];
  snmp: { readCommunity: string; writeCommunity: string; trapHosts: string[]; user: string; authPassword: string; privPassword: string };
  ntpServers: string[];
  syslogServers: string[];
  dnsServers: string[];
  aaa: { servers: { name: string; address: string }[]; key: string };
  banner: string[];
}

const VLAN_POOL: readonly { id: number; name: string; device: string }[] = [
  { id: 110, name: 'USERS', device: 'desk' },
  { id: 120, name: 'VOICE', device: 'phone' },
  { id: 130, name: 'SERVERS', device: 'srv' },
  { id: 140, name: 'PRINTERS', device: 'prn' },
  { id: 150, name: 'CAMERAS', device: 'cam' },
  { id: 160, name: 'WIFI-AP', device: 'ap' },
  { id: 170, name: 'IOT', device: 'iot' },
  { id: 180, name: 'GUEST', device: 'kiosk' },
  { id: 190, name: 'BMS', device: 'bms' },
  { id: 200, name: 'LAB', device: 'bench' },
];
const CITIES = ['Amsterdam', 'Frankfurt', 'London', 'Paris', 'Madrid', 'Milan', 'Vienna', 'Prague', 'Warsaw', 'Dublin'];
const PORTS = { ssh: { number: 22, name: 'ssh' }, snmp: { number: 161, name: 'snmp' }, ntp: { number: 123, name: 'ntp' },
  bgp: { number: 179, name: 'bgp' }, dns: { number: 53, name: 'domain' }, www: { number: 80, name: 'www' }, https: { number: 443, name: 'https' } };
const NMS: Ipv4Prefix = { address: '10.250.3.0', prefixLength: 24 };
const INFRA: Ipv4Prefix = { address: '10.250.0.0', prefixLength: 16 };
const host = (address: string): Ipv4Prefix => ({ address, prefixLength: 32 });
const net = (address: string, prefixLength: number): Ipv4Prefix => ({ address, prefixLength });

export const DEAD_VLAN = 999;

/**
 * The plan of one device. `portNames` are the persona's physical ports in order; the last
 * `uplinkCount` of them face the core, the rest face hosts or stay unused.
 */
export function networkPlan(device: LabDeviceIdentity, portNames: readonly string[], uplinkCount = 2): NetworkPlan {
  const rng = SeededRandom.forDevice(device, 'plan');
  const n = device.index + 1;
  const site = (device.index % 200) + 1;
  const siteCode = `${rng.chars(3, 'abcdefghijklmnopqrstuvwxyz')}${String(site).padStart(3, '0')}`;
  const asn = 64600 + (device.index % 900);
  const baseMac = `00${rng.chars(8, HEX_DIGITS)}00`;

  const vlans = rng.fork('vlans').sample(VLAN_POOL, rng.int(6, 9));
  const downlinkNames = portNames.slice(0, Math.max(0, portNames.length - uplinkCount));

  const portRng = rng.fork('ports');
  const ports: PlannedPort[] = portNames.map((name, index) => {
    const mac = (Number.parseInt(baseMac, 16) + index + 1).toString(16).padStart(12, '0');
    if (index >= downlinkNames.length) {
      const k = index - downlinkNames.length;
      const p2p = ipv4ToNumber('100.64.0.0') + (n * 4 + k) * 2;
      const coreName = `core-${String.fromCharCode(97 + (k % 2))}${String((device.index % 8) + 1).padStart(2, '0')}`;
      const corePort = `Ethernet${(n % 48) + 1}/${k + 1}`;
      return {
        name, index, role: 'uplink', mac, mtu: 9216, vlan: 1,
        description: `UPLINK ${coreName} ${corePort}`,
        address: net(numberToIpv4(p2p + 1), 31),
        peer: { hostname: coreName, address: numberToIpv4(p2p), port: corePort, asn: 65000 },
      };
    }
    const address = net(`172.${16 + (device.index % 16)}.${index}.${(Math.floor(device.index / 16) % 64) * 4 + 1}`, 30);
    if (portRng.chance(0.2)) {
      return { name, index, role: 'unused', mac, mtu: 1500, vlan: DEAD_VLAN, description: 'UNUSED', address };
    }
    const vlan = portRng.pick(vlans);
    const floor = portRng.int(0, 5);
    const description = `${vlan.name} ${vlan.device}-${floor}f-${String(portRng.int(1, 60)).padStart(2, '0')}`;
    return { name, index, role: 'downlink', mac, mtu: 1500, vlan: vlan.id, description, address };
  });

  const uplinks = ports.filter((p) => p.role === 'uplink');
  const carriers = ports.filter((p) => p.role === 'downlink').slice(0, 4);
  const plannedVlans: PlannedVlan[] = vlans.map((v, i) => ({
    id: v.id,
    name: v.name,
    gateway: net(`10.${site}.${v.id}.1`, 24),
    port: (carriers[i % Math.max(1, carriers.length)] ?? ports[0]).name,
  }));
  const secrets = rng.fork('secrets');
  // The lab listens on 127.x addresses, which no device could carry on an interface.
  const usable = isIpv4(device.address) && !device.address.startsWith('127.') && device.address !== '0.0.0.0';
  const mgmtAddress = usable ? device.address : `10.240.${Math.floor(n / 250) % 256}.${(n % 250) + 2}`;
  const mgmtGateway = mgmtAddress.endsWith('.1') ? offsetIpv4(mgmtAddress, 253) : `${mgmtAddress.split('.').slice(0, 3).join('.')}.1`;
  const loopback = host(`10.255.${Math.floor(n / 256) % 256}.${n % 256}`);
  const firstHop = uplinks[0]?.peer?.address ?? mgmtGateway;
  const secondHop = uplinks[1]?.peer?.address ?? firstHop;
  const guest = plannedVlans.find((v) => v.name === 'GUEST')?.gateway ?? net(`10.${site}.180.1`, 24);
  const guestNet = net(guest.address.replace(/\.1$/, '.0'), 24);

  return {
    hostname: device.name,
    domain: 'lab.netkeep.test',
    location: `${rng.pick(CITIES)}, building ${rng.int(1, 9)}, room ${siteCode.toUpperCase()}`,
    contact: `noc@netkeep.test (site ${siteCode})`,
    management: { address: mgmtAddress, prefixLength: 24, gateway: mgmtGateway },
    loopback,
    ports,
    vlans: plannedVlans,
    deadVlan: DEAD_VLAN,
    routes: [
      { prefix: net('0.0.0.0', 0), nextHop: firstHop, name: 'DEFAULT' },
      { prefix: net(`10.${site}.0.0`, 16), nextHop: 'discard', name: 'SITE-AGGREGATE' },
      { prefix: net('10.250.0.0', 16), nextHop: firstHop, name: 'INFRA' },
      { prefix: net(`192.168.${site}.0`, 24), nextHop: secondHop, name: 'PARTNER-A' },
      { prefix: net(`198.18.${site % 128}.0`, 24), nextHop: secondHop, name: 'BENCH' },
      { prefix: net('203.0.113.0', 24), nextHop: 'discard', name: 'DOC-BLACKHOLE' },
    ],
    ospf: { processId: 1, area: '0.0.0.0', key: plainPassword(secrets, 10) },
    bgp: {
      asn,
      neighbors: uplinks.map((p) => ({
        address: p.peer?.address ?? '', remoteAs: 65000, description: p.peer?.hostname ?? '', password: plainPassword(secrets, 14),
      })),
      networks: plannedVlans.map((v) => net(v.gateway.address.replace(/\.1$/, '.0'), 24)),
    },
    acls: [
      { name: 'MGMT-ACCESS', entries: [
        { action: 'permit', protocol: 'tcp', source: NMS, port: PORTS.ssh },
        { action: 'permit', protocol: 'tcp', source: INFRA, port: PORTS.ssh },
        { action: 'permit', protocol: 'udp', source: NMS, port: PORTS.snmp },
        { action: 'permit', protocol: 'icmp', source: net('10.0.0.0', 8) },
        { action: 'deny', protocol: 'ip', log: true },
      ] },
      { name: 'INFRA-PROTECT', entries: [
        ...uplinks.map((p): AclEntry => ({ action: 'permit', protocol: 'tcp', source: host(p.peer?.address ?? ''), destination: host(p.address?.address ?? ''), port: PORTS.bgp })),
        { action: 'permit', protocol: 'udp', source: host('10.250.0.11'), destination: loopback, port: PORTS.ntp },
        { action: 'permit', protocol: 'udp', source: host('10.250.0.12'), destination: loopback, port: PORTS.ntp },
        { action: 'permit', protocol: 'tcp', source: INFRA, destination: loopback, port: PORTS.ssh },
        { action: 'permit', protocol: 'udp', source: NMS, destination: loopback, port: PORTS.snmp },
        { action: 'permit', protocol: 'icmp' },
        { action: 'deny', protocol: 'ip', destination: loopback, log: true },
        { action: 'permit', protocol: 'ip' },
      ] },
      { name: 'GUEST-IN', entries: [
        { action: 'permit', protocol: 'udp', source: guestNet, destination: host('10.250.0.53'), port: PORTS.dns },
        { action: 'deny', protocol: 'ip', source: guestNet, destination: net('10.0.0.0', 8) },
        { action: 'deny', protocol: 'ip', source: guestNet, destination: net('172.16.0.0', 12) },
        { action: 'deny', protocol: 'ip', source: guestNet, destination: net('192.168.0.0', 16) },
        { action: 'permit', protocol: 'tcp', source: guestNet, port: PORTS.www },
        { action: 'permit', protocol: 'tcp', source: guestNet, port: PORTS.https },
        { action: 'deny', protocol: 'ip', log: true },
      ] },
    ],
    users: [
      { name: 'admin', role: 'admin', privilege: 15 },
      { name: 'netops', role: 'admin', privilege: 15 },
      { name: 'netkeep', role: 'operator', privilege: 15 },
      { name: 'auditor', role: 'viewer', privilege: 1 },
    ],
    snmp: {
      readCommunity: `ro-${secrets.chars(12)}`,
      writeCommunity: `rw-${secrets.chars(12)}`,
      trapHosts: ['10.250.3.30', '10.250.3.31'],
      user: 'nkmon',
      authPassword: plainPassword(secrets, 16),
      privPassword: plainPassword(secrets, 16),
    },
    ntpServers: ['10.250.0.11', '10.250.0.12'],
    syslogServers: ['10.250.1.21', '10.250.1.22'],
    dnsServers: ['10.250.0.53', '10.250.0.54'],
    aaa: { servers: [{ name: 'TAC-1', address: '10.250.2.10' }, { name: 'TAC-2', address: '10.250.2.11' }], key: plainPassword(secrets, 16) },
    banner: [
      '*'.repeat(66),
      `* ${device.name} - netkeep device lab, site ${siteCode.toUpperCase()}`.padEnd(65) + '*',
      '* Authorised access only. Activity is logged and monitored.'.padEnd(65) + '*',
      '*'.repeat(66),
    ],
  };
}

/** A port's description after the change knob. */
export function descriptionOf(port: PlannedPort, descriptions: Readonly<Record<string, string>>): string {
  return descriptions[port.name] ?? port.description;
}

/** `0011.2233.4455` (Cisco), `00:11:22:33:44:55` (Linux, Junos), `0011-2233-4455` (Huawei). */
export function formatMac(mac: string, style: 'cisco' | 'colon' | 'huawei'): string {
  if (style === 'colon') return mac.match(/../g)?.join(':') ?? mac;
  const groups = mac.match(/..../g) ?? [mac];
  return groups.join(style === 'cisco' ? '.' : '-');
}
