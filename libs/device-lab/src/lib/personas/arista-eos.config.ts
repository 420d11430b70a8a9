import type { LabDeviceIdentity, LabDeviceState, RenderedConfig } from '../persona';
import { ctime } from './clock-format';
import { cidr, networkOf, type Ipv4Prefix } from './ipv4';
import { descriptionOf, networkPlan, type AclEntry, type NetworkPlan, type PlannedPort } from './network-plan';
import { ciscoType7, sha512Crypt } from './secret-formats';
import { SeededRandom } from './seeded-random';

/** An Arista switch as EOS 4.28 describes it. */
export interface EosModel {
  model: string;
  description: string;
  ports: readonly string[];
  speedGbps: (port: string) => number;
}

const front = (count: number): string[] => Array.from({ length: count }, (_, i) => `Ethernet${i + 1}`);
const qsfp = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `Ethernet${from + i}/1`);

export const EOS_MODELS: readonly EosModel[] = [
  { model: 'DCS-7050SX3-48YC8', description: '48x25GbE SFP & 8x100GbE QSFP Switch', ports: [...front(48), ...qsfp(49, 56)],
    speedGbps: (port) => (port.includes('/') ? 100 : 25) },
  { model: 'DCS-7280SR-48C6', description: '48x10GbE SFP+ & 6x100GbE QSFP100 Switch', ports: [...front(48), ...qsfp(49, 54)],
    speedGbps: (port) => (port.includes('/') ? 100 : 10) },
];

export const EOS_VERSION = '4.28.3M';

export const eosModelOf = (device: LabDeviceIdentity): EosModel => EOS_MODELS[device.index % EOS_MODELS.length];
export const eosPlan = (device: LabDeviceIdentity): NetworkPlan => networkPlan(device, eosModelOf(device).ports, 2);

const aclAddress = (p: Ipv4Prefix | undefined): string =>
  !p ? 'any' : p.prefixLength === 32 ? `host ${p.address}` : cidr(networkOf(p));
const aclLine = (e: AclEntry, i: number): string =>
  `   ${(i + 1) * 10} ${e.action} ${e.protocol} ${aclAddress(e.source)} ${aclAddress(e.destination)}${e.port ? ` eq ${e.port.number === 443 ? 'https' : e.port.name}` : ''}${e.log ? ' log' : ''}`;

export function renderEosConfig(device: LabDeviceIdentity, state: LabDeviceState, now: Date): RenderedConfig {
  const model = eosModelOf(device);
  const plan = eosPlan(device);
  const enc = SeededRandom.forDevice(device, 'eos-secrets');
  const secrets: string[] = [];
  const secret = (value: string): string => (secrets.push(value), value);
  const type7 = (plain: string): string => secret(ciscoType7(plain, enc));
  const ospfKey = type7(plan.ospf.key);
  const uplinks = plan.ports.filter((p) => p.role === 'uplink');

  const port = (p: PlannedPort): string[] => {
    const head = [`interface ${p.name}`, `   description ${descriptionOf(p, state.descriptions)}`];
    if (p.role === 'uplink') {
      return [...head, '   mtu 9214', '   no switchport', `   ip address ${cidr(p.address ?? plan.loopback)}`, '   ip ospf network point-to-point',
        '   ip ospf authentication message-digest', `   ip ospf message-digest-key 1 md5 7 ${ospfKey}`, '!'];
    }
    if (p.role === 'downlink') return [...head, `   switchport access vlan ${p.vlan}`, '   spanning-tree portfast', '!'];
    return [...head, '   shutdown', `   switchport access vlan ${plan.deadVlan}`, '!'];
  };

  const time = `! Time: ${ctime(now)}`;
  const lines = [
    '! Command: show running-config',
    `! device: ${plan.hostname} (${model.model}, EOS-${EOS_VERSION})`,
    time,
    '!',
    `! boot system flash:/EOS-${EOS_VERSION}.swi`,
    '!',
    'no aaa root',
    '!',
    ...plan.users.map((u) =>
      `username ${u.name} privilege ${u.privilege} role ${u.role === 'admin' ? 'network-admin' : 'network-operator'} secret sha512 ${secret(sha512Crypt(enc))}`),
    '!',
    `enable password sha512 ${secret(sha512Crypt(enc))}`,
    '!',
    'transceiver qsfp default-mode 4x10G',
    '!',
    'service routing protocols model multi-agent',
    '!',
    'logging buffered 10000',
    ...plan.syslogServers.map((s) => `logging host ${s}`),
    'logging source-interface Loopback0',
    '!',
    `hostname ${plan.hostname}`,
    ...plan.dnsServers.map((s) => `ip name-server vrf default ${s}`),
    `dns domain ${plan.domain}`,
    '!',
    'ntp local-interface Loopback0',
    ...plan.ntpServers.map((s, i) => `ntp server ${s}${i === 0 ? ' prefer' : ''}`),
    '!',
    `snmp-server contact ${plan.contact}`,
    `snmp-server location ${plan.location}`,
    `snmp-server community ${secret(plan.snmp.readCommunity)} ro MGMT-ACCESS`,
    `snmp-server community ${secret(plan.snmp.writeCommunity)} rw MGMT-ACCESS`,
    ...plan.snmp.trapHosts.map((h) => `snmp-server host ${h} version 2c ${plan.snmp.readCommunity}`),
    'snmp-server enable traps',
    '!',
    'spanning-tree mode mstp',
    '!',
    `tacacs-server key 7 ${type7(plan.aaa.key)}`,
    ...plan.aaa.servers.map((s) => `tacacs-server host ${s.address}`),
    '!',
    'aaa group server tacacs+ TACACS-GROUP',
    ...plan.aaa.servers.map((s) => `   server ${s.address}`),
    '!',
    'aaa authentication login default group TACACS-GROUP local',
    'aaa authorization exec default group TACACS-GROUP local',
    'aaa authorization commands all default local',
    'aaa accounting commands all default start-stop group TACACS-GROUP',
    '!',
    ...[...plan.vlans, { id: plan.deadVlan, name: 'UNUSED' }].flatMap((v) => [`vlan ${v.id}`, `   name ${v.name}`, '!']),
    ...plan.ports.flatMap(port),
    'interface Loopback0',
    `   ip address ${cidr(plan.loopback)}`,
    '!',
    'interface Management1',
    '   description OOB management',
    `   ip address ${plan.management.address}/${plan.management.prefixLength}`,
    '!',
    ...plan.vlans.flatMap((v) => [`interface Vlan${v.id}`, `   description ${v.name} gateway`, `   ip address ${cidr(v.gateway)}`,
      ...(v.name === 'GUEST' ? ['   ip access-group GUEST-IN in'] : []), '   ip helper-address 10.250.0.67', '!']),
    ...plan.acls.flatMap((acl) => [`ip access-list ${acl.name}`, ...acl.entries.map(aclLine), '!']),
    'ip routing',
    '!',
    ...plan.routes.map((r) => `ip route ${cidr(r.prefix)} ${r.nextHop === 'discard' ? 'Null0' : r.nextHop} name ${r.name}`),
    `ip route vrf default 10.250.0.0/16 ${plan.management.gateway} 250 name OOB-BACKUP`,
    '!',
    `router bgp ${plan.bgp.asn}`,
    `   router-id ${plan.loopback.address}`,
    '   maximum-paths 4 ecmp 4',
    ...plan.bgp.neighbors.flatMap((n) => [
      `   neighbor ${n.address} remote-as ${n.remoteAs}`, `   neighbor ${n.address} description ${n.description}`,
      `   neighbor ${n.address} password 7 ${type7(n.password)}`, `   neighbor ${n.address} maximum-routes 12000`,
    ]),
    ...plan.bgp.networks.map((n) => `   network ${cidr(n)}`),
    '!',
    `router ospf ${plan.ospf.processId}`,
    `   router-id ${plan.loopback.address}`,
    '   passive-interface default',
    ...uplinks.map((p) => `   no passive-interface ${p.name}`),
    `   network ${cidr(plan.loopback)} area ${plan.ospf.area}`,
    ...uplinks.map((p) => `   network ${cidr(networkOf(p.address ?? plan.loopback))} area ${plan.ospf.area}`),
    '   max-lsa 12000',
    '!',
    'management api http-commands',
    '   shutdown',
    '!',
    'management ssh',
    '   idle-timeout 60',
    '   authentication mode keyboard-interactive',
    '!',
    ...state.addedLines,
    'end',
  ];
  return { text: lines.join('\n'), volatileLines: [time], secrets: [...new Set(secrets)] };
}
