import type { LabDeviceIdentity, LabDeviceState, RenderedConfig } from '../persona';
import { ctime } from './clock-format';
import { cidr, networkOf, type Ipv4Prefix } from './ipv4';
import { descriptionOf, networkPlan, type AclEntry, type NetworkPlan, type PlannedPort } from './network-plan';
import { hexKey, sha256Crypt } from './secret-formats';
import { SeededRandom } from './seeded-random';

/** A Nexus 9000 as NX-OS 9.3 describes it. */
export interface NxosModel {
  pid: string;
  /** `C93180YC-EX` in `cisco Nexus9000 C93180YC-EX chassis`. */
  chassis: string;
  module: string;
  ports: readonly string[];
  speedGbps: (port: string) => number;
}

const ethernet = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `Ethernet1/${from + i}`);
const portNumber = (port: string): number => Number(port.split('/').pop());

export const NXOS_MODELS: readonly NxosModel[] = [
  { pid: 'N9K-C93180YC-EX', chassis: 'C93180YC-EX', module: '48x10/25G + 6x40/100G Ethernet Module', ports: ethernet(1, 54),
    speedGbps: (port) => (portNumber(port) > 48 ? 100 : 25) },
  { pid: 'N9K-C9336C-FX2', chassis: 'C9336C-FX2', module: '36x40/100G Ethernet Module', ports: ethernet(1, 36), speedGbps: () => 100 },
];

export const NXOS_VERSION = '9.3(10)';

export const nxosModelOf = (device: LabDeviceIdentity): NxosModel => NXOS_MODELS[device.index % NXOS_MODELS.length];
export const nxosPlan = (device: LabDeviceIdentity): NetworkPlan => networkPlan(device, nxosModelOf(device).ports, 2);

const aclAddress = (p: Ipv4Prefix | undefined): string => (p ? cidr(p.prefixLength === 32 ? p : networkOf(p)) : 'any');
const aclLine = (e: AclEntry, i: number): string =>
  `  ${(i + 1) * 10} ${e.action} ${e.protocol} ${aclAddress(e.source)} ${aclAddress(e.destination)}${e.port ? ` eq ${e.port.number}` : ''}${e.log ? ' log' : ''}`;

export function renderNxosConfig(device: LabDeviceIdentity, state: LabDeviceState, now: Date): RenderedConfig {
  const plan = nxosPlan(device);
  const enc = SeededRandom.forDevice(device, 'nxos-secrets');
  const secrets: string[] = [];
  const secret = (value: string): string => (secrets.push(value), value);
  const type7 = (): string => secret(enc.chars(16, 'abcdefghijklmnopqrstuvwxyz0123456789'));
  const ospfKey = secret(hexKey(enc, 16));
  const tacacsKey = type7();

  const port = (p: PlannedPort): string[] => {
    const head = [`interface ${p.name}`, `  description ${descriptionOf(p, state.descriptions)}`];
    if (p.role === 'uplink') {
      return [...head, '  no switchport', '  mtu 9216', `  ip address ${cidr(p.address ?? plan.loopback)}`, '  ip ospf authentication message-digest',
        `  ip ospf message-digest-key 1 md5 3 ${ospfKey}`, '  ip ospf network point-to-point', `  ip router ospf ${plan.ospf.processId} area ${plan.ospf.area}`,
        '  no shutdown', ''];
    }
    if (p.role === 'downlink') return [...head, `  switchport access vlan ${p.vlan}`, '  spanning-tree port type edge', ''];
    return [...head, `  switchport access vlan ${plan.deadVlan}`, '  shutdown', ''];
  };

  const lines = [
    '!Command: show running-config',
    `!Running configuration last done at: ${ctime(state.changedAt)}`,
    `!Time: ${ctime(now)}`,
    '',
    `version ${NXOS_VERSION} Bios:version 05.47 `,
    `hostname ${plan.hostname}`,
    `vdc ${plan.hostname} id 1`,
    '  limit-resource vlan minimum 16 maximum 4094',
    '  limit-resource vrf minimum 2 maximum 4096',
    '  limit-resource port-channel minimum 0 maximum 511',
    '  limit-resource u4route-mem minimum 248 maximum 248',
    '  limit-resource u6route-mem minimum 96 maximum 96',
    '',
    'feature tacacs+',
    'feature ospf',
    'feature bgp',
    'feature interface-vlan',
    'feature dhcp',
    'feature lldp',
    '',
    ...plan.users.map((u) => `username ${u.name} password 5 ${secret(sha256Crypt(enc))}  role ${u.role === 'admin' ? 'network-admin' : 'network-operator'}`),
    'ip domain-lookup',
    `ip domain-name ${plan.domain}`,
    `ip name-server ${plan.dnsServers.join(' ')} use-vrf management`,
    `tacacs-server key 7 "${tacacsKey}"`,
    ...plan.aaa.servers.map((s) => `tacacs-server host ${s.address} key 7 "${tacacsKey}"`),
    'aaa group server tacacs+ TACACS-GROUP ',
    ...plan.aaa.servers.map((s) => `    server ${s.address} `),
    '    use-vrf management',
    '    source-interface mgmt0',
    'copp profile strict',
    `snmp-server contact ${plan.contact}`,
    `snmp-server location ${plan.location}`,
    `snmp-server user ${plan.snmp.user} network-operator auth sha 0x${secret(hexKey(enc, 40).toLowerCase())} priv aes-128 0x${secret(hexKey(enc, 32).toLowerCase())} localizedkey`,
    ...plan.snmp.trapHosts.map((h) => `snmp-server host ${h} traps version 2c ${plan.snmp.readCommunity}`),
    ...plan.snmp.trapHosts.map((h) => `snmp-server host ${h} use-vrf management`),
    `snmp-server community ${secret(plan.snmp.readCommunity)} group network-operator`,
    `snmp-server community ${secret(plan.snmp.writeCommunity)} group network-admin`,
    `snmp-server community ${plan.snmp.readCommunity} use-ipv4acl MGMT-ACCESS`,
    ...plan.ntpServers.map((s, i) => `ntp server ${s}${i === 0 ? ' prefer' : ''} use-vrf management`),
    'ntp source-interface mgmt0',
    'aaa authentication login default group TACACS-GROUP',
    'aaa authorization commands default group TACACS-GROUP local',
    'aaa accounting default group TACACS-GROUP',
    '',
    ...plan.routes.map((r) => `ip route ${cidr(r.prefix)} ${r.nextHop === 'discard' ? 'Null0' : r.nextHop} name ${r.name}`),
    `vlan 1,${[...plan.vlans.map((v) => v.id), plan.deadVlan].join(',')}`,
    ...[...plan.vlans, { id: plan.deadVlan, name: 'UNUSED' }].flatMap((v) => [`vlan ${v.id}`, `  name ${v.name}`]),
    '',
    ...plan.acls.flatMap((acl) => [`ip access-list ${acl.name}`, ...acl.entries.map(aclLine)]),
    'spanning-tree port type edge bpduguard default',
    'vrf context management',
    `  ip route 0.0.0.0/0 ${plan.management.gateway}`,
    '',
    'interface Vlan1',
    '',
    ...plan.vlans.flatMap((v) => [`interface Vlan${v.id}`, `  description ${v.name} gateway`, '  no shutdown',
      ...(v.name === 'GUEST' ? ['  ip access-group GUEST-IN in'] : []), `  ip address ${cidr(v.gateway)}`, '  ip dhcp relay address 10.250.0.67', '']),
    ...plan.ports.flatMap(port),
    'interface mgmt0',
    '  vrf member management',
    `  ip address ${plan.management.address}/${plan.management.prefixLength}`,
    '',
    'interface loopback0',
    `  ip address ${cidr(plan.loopback)}`,
    `  ip router ospf ${plan.ospf.processId} area ${plan.ospf.area}`,
    'icam monitor scale',
    '',
    'line console',
    '  exec-timeout 15',
    'line vty',
    '  exec-timeout 30',
    '  access-class MGMT-ACCESS in',
    `boot nxos bootflash:/nxos.${NXOS_VERSION.replace('(', '.').replace(')', '')}.bin `,
    `router ospf ${plan.ospf.processId}`,
    `  router-id ${plan.loopback.address}`,
    '  passive-interface default',
    `router bgp ${plan.bgp.asn}`,
    `  router-id ${plan.loopback.address}`,
    '  log-neighbor-changes',
    '  address-family ipv4 unicast',
    ...plan.bgp.networks.map((n) => `    network ${cidr(n)}`),
    ...plan.bgp.neighbors.flatMap((n) => [`  neighbor ${n.address}`, `    remote-as ${n.remoteAs}`, `    description ${n.description}`,
      `    password 3 ${secret(hexKey(enc, 16))}`, '    address-family ipv4 unicast']),
    ...plan.syslogServers.map((s) => `logging server ${s} 6 use-vrf management`),
    'logging source-interface loopback0',
    'logging timestamp milliseconds',
    ...state.addedLines,
  ];
  return { text: lines.join('\n'), volatileLines: [lines[1], lines[2]], secrets: [...new Set(secrets)] };
}
