import type { LabDeviceIdentity, LabDeviceState, RenderedConfig } from '../persona';
import { ctime, xrTimestamp } from './clock-format';
import { cidr, netmask, networkOf, wildcard, type Ipv4Prefix } from './ipv4';
import { descriptionOf, networkPlan, type AclEntry, type NetworkPlan, type PlannedPort } from './network-plan';
import { ciscoType7, sha512Crypt } from './secret-formats';
import { SeededRandom } from './seeded-random';

/** An ASR 9000 chassis with its line cards, as IOS XR 7.5 describes it. */
export interface XrModel {
  model: string;
  chassis: string;
  ports: readonly string[];
  lineCard: string;
}

const ports = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

export const XR_MODELS: readonly XrModel[] = [
  { model: 'ASR-9006', chassis: 'ASR 9006 AC Chassis', lineCard: 'A9K-24X10GE-1G-TR',
    ports: [...ports('TenGigE0/0/0/', 24), ...ports('HundredGigE0/1/0/', 2)] },
  { model: 'ASR-9010', chassis: 'ASR 9010 AC Chassis', lineCard: 'A9K-48X10GE-1G-TR',
    ports: [...ports('TenGigE0/0/0/', 40), ...ports('HundredGigE0/1/0/', 4)] },
];

export const XR_VERSION = '7.5.2';

export const xrModelOf = (device: LabDeviceIdentity): XrModel => XR_MODELS[device.index % XR_MODELS.length];
export const xrPlan = (device: LabDeviceIdentity): NetworkPlan => networkPlan(device, xrModelOf(device).ports, 2);

const mask = (p: Ipv4Prefix): string => `${p.address} ${netmask(p.prefixLength)}`;
const aclAddress = (p: Ipv4Prefix | undefined): string =>
  !p ? 'any' : p.prefixLength === 32 ? `host ${p.address}` : `${networkOf(p).address} ${wildcard(p.prefixLength)}`;
const aclLine = (e: AclEntry, i: number): string =>
  ` ${(i + 1) * 10} ${e.action} ${e.protocol === 'ip' ? 'ipv4' : e.protocol} ${aclAddress(e.source)} ${aclAddress(e.destination)}${e.port ? ` eq ${e.port.number === 443 ? 443 : e.port.name}` : ''}${e.log ? ' log' : ''}`;

/** The configuration after the per-command timestamp, which the persona adds while timestamps are on. */
export function renderXrBody(device: LabDeviceIdentity, state: LabDeviceState): { lines: string[]; secrets: string[] } {
  const plan = xrPlan(device);
  const enc = SeededRandom.forDevice(device, 'xr-secrets');
  const secrets: string[] = [];
  const secret = (value: string): string => (secrets.push(value), value);
  const type7 = (plain: string): string => secret(ciscoType7(plain, enc));
  const ospfKey = type7(plan.ospf.key);

  const port = (p: PlannedPort): string[] => {
    const head = [`interface ${p.name}`, ` description ${descriptionOf(p, state.descriptions)}`];
    if (p.role === 'unused') return [...head, ' shutdown', '!'];
    const address = p.address ? [` ipv4 address ${mask(p.address)}`] : [];
    const subs = plan.vlans.filter((v) => v.port === p.name).flatMap((v) => [
      `interface ${p.name}.${v.id}`, ` description ${v.name} gateway`, ` ipv4 address ${mask(v.gateway)}`, ` encapsulation dot1q ${v.id}`, '!',
    ]);
    return [...head, ...(p.role === 'uplink' ? [' mtu 9216'] : []), ...address, ...(p.role === 'uplink' ? [' load-interval 30'] : []), '!', ...subs];
  };

  const lines = [
    'Building configuration...',
    `!! IOS XR Configuration ${XR_VERSION}`,
    `!! Last configuration change at ${ctime(state.changedAt)} by ${state.changedBy}`,
    '!',
    `hostname ${plan.hostname}`,
    'clock timezone UTC UTC',
    'service timestamps log datetime localtime msec show-timezone',
    'logging trap informational',
    'logging console disable',
    'logging buffered 10000000',
    ...plan.syslogServers.map((s) => `logging ${s} vrf default severity info`),
    'logging source-interface Loopback0',
    `domain name ${plan.domain}`,
    ...plan.dnsServers.map((s) => `domain name-server ${s}`),
    ...plan.users.flatMap((u) => [
      `username ${u.name}`,
      ...(u.role === 'admin' ? [' group root-lr', ' group cisco-support'] : u.role === 'operator' ? [' group operator'] : [' group read-only-tg']),
      ` secret 10 ${secret(sha512Crypt(enc))}`,
      '!',
    ]),
    'aaa accounting exec default start-stop group tacacs+',
    'aaa accounting commands default start-stop group tacacs+',
    'aaa authorization exec default group tacacs+ local',
    'aaa authorization commands default group tacacs+ none',
    'aaa authentication login default group tacacs+ local',
    ...plan.aaa.servers.flatMap((s) => [`tacacs-server host ${s.address} port 49`, ` key 7 ${type7(plan.aaa.key)}`, '!']),
    'tacacs source-interface Loopback0 vrf default',
    'line default',
    ' access-class ingress MGMT-ACCESS',
    ' exec-timeout 30 0',
    ' transport input ssh',
    '!',
    'vty-pool default 0 15 line-template default',
    `snmp-server community ${secret(plan.snmp.readCommunity)} RO IPv4 MGMT-ACCESS`,
    `snmp-server community ${secret(plan.snmp.writeCommunity)} RW IPv4 MGMT-ACCESS`,
    ...plan.snmp.trapHosts.map((h) => `snmp-server host ${h} traps version 2c ${plan.snmp.readCommunity}`),
    'snmp-server traps snmp linkup',
    'snmp-server traps snmp linkdown',
    `snmp-server contact ${plan.contact}`,
    `snmp-server location ${plan.location}`,
    'ntp',
    ...plan.ntpServers.map((s, i) => ` server ${s}${i === 0 ? ' prefer' : ''}`),
    ' source Loopback0',
    '!',
    ...plan.acls.flatMap((acl) => [`ipv4 access-list ${acl.name}`, ...acl.entries.map(aclLine), '!']),
    'interface Loopback0',
    ` ipv4 address ${mask(plan.loopback)}`,
    '!',
    'interface MgmtEth0/RSP0/CPU0/0',
    ' description OOB management',
    ` ipv4 address ${plan.management.address} ${netmask(plan.management.prefixLength)}`,
    '!',
    ...plan.ports.flatMap(port),
    'router static',
    ' address-family ipv4 unicast',
    ...plan.routes.map((r) => `  ${cidr(r.prefix)} ${r.nextHop === 'discard' ? 'Null0' : r.nextHop} description ${r.name}`),
    ' !',
    '!',
    `router ospf ${plan.ospf.processId}`,
    ` router-id ${plan.loopback.address}`,
    ` area ${plan.ospf.area.split('.').pop()}`,
    '  authentication message-digest',
    `  message-digest-key 1 md5 encrypted ${ospfKey}`,
    '  interface Loopback0',
    '   passive enable',
    '  !',
    ...plan.ports.filter((p) => p.role === 'uplink').flatMap((p) => [`  interface ${p.name}`, '   network point-to-point', '  !']),
    ' !',
    '!',
    `router bgp ${plan.bgp.asn}`,
    ` bgp router-id ${plan.loopback.address}`,
    ' address-family ipv4 unicast',
    ...plan.bgp.networks.map((n) => `  network ${cidr(n)}`),
    ' !',
    ...plan.bgp.neighbors.flatMap((n) => [
      ` neighbor ${n.address}`, `  remote-as ${n.remoteAs}`, `  description ${n.description}`, `  password encrypted ${type7(n.password)}`,
      '  address-family ipv4 unicast', '   route-policy PASS in', '   route-policy PASS out', '  !', ' !',
    ]),
    '!',
    'route-policy PASS',
    '  pass',
    'end-policy',
    '!',
    'ssh server v2',
    'ssh server vrf default',
    'ssh timeout 60',
    ...state.addedLines,
    'end',
  ];
  return { lines, secrets: [...new Set(secrets)] };
}

export function renderXrConfig(device: LabDeviceIdentity, state: LabDeviceState, now: Date): RenderedConfig {
  const { lines, secrets } = renderXrBody(device, state);
  const stamp = xrTimestamp(now);
  // The per-command timestamp, the header and the change stamp: what backup tools drop (research §4.2).
  return { text: [stamp, ...lines].join('\n'), volatileLines: [stamp, lines[0], lines[2]], secrets };
}
