import type { LabDeviceIdentity, LabDeviceState, RenderedConfig } from '../persona';
import { ciscoDateTime } from './clock-format';
import { netmask, networkOf, wildcard, type Ipv4Prefix } from './ipv4';
import { descriptionOf, networkPlan, type AclEntry, type NetworkPlan, type PlannedPort } from './network-plan';
import { ciscoType7, ciscoType9, md5Crypt, plainPassword } from './secret-formats';
import { SeededRandom, hashText } from './seeded-random';

/** A Catalyst model as IOS or IOS-XE describes it. */
export interface IosModel {
  model: string;
  /** Inventory PID (`WS-C3750X-48P-S`). */
  pid: string;
  ports: readonly string[];
  /** Out-of-band management port and its VRF (IOS-XE puts it in `Mgmt-vrf`). */
  mgmtPort: string;
  mgmtVrf?: string;
  version: string;
  /** `version 15.2` line of the configuration. */
  configVersion: string;
  xe: boolean;
}

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

export const IOS_MODELS: readonly IosModel[] = [
  { model: 'WS-C3750X-48P', pid: 'WS-C3750X-48P-S', ports: [...range('GigabitEthernet1/0/', 1, 48), ...range('TenGigabitEthernet1/1/', 1, 2)],
    mgmtPort: 'FastEthernet0', version: '15.2(4)E10', configVersion: '15.2', xe: false },
  { model: 'WS-C3560X-24P', pid: 'WS-C3560X-24P-S', ports: [...range('GigabitEthernet0/', 1, 24), ...range('TenGigabitEthernet0/', 1, 2)],
    mgmtPort: 'FastEthernet0', version: '15.2(4)E10', configVersion: '15.2', xe: false },
];

export const XE_MODELS: readonly IosModel[] = [
  { model: 'C9300-48P', pid: 'C9300-48P', ports: [...range('GigabitEthernet1/0/', 1, 48), ...range('TenGigabitEthernet1/1/', 1, 4)],
    mgmtPort: 'GigabitEthernet0/0', mgmtVrf: 'Mgmt-vrf', version: '17.9.4a', configVersion: '17.9', xe: true },
  { model: 'C9300-24P', pid: 'C9300-24P', ports: [...range('GigabitEthernet1/0/', 1, 24), ...range('TenGigabitEthernet1/1/', 1, 4)],
    mgmtPort: 'GigabitEthernet0/0', mgmtVrf: 'Mgmt-vrf', version: '17.9.4a', configVersion: '17.9', xe: true },
];

export function iosModelOf(device: LabDeviceIdentity): IosModel {
  const models = device.platform === 'cisco_xe' ? XE_MODELS : IOS_MODELS;
  return models[device.index % models.length];
}

export function iosPlan(device: LabDeviceIdentity): NetworkPlan {
  return networkPlan(device, iosModelOf(device).ports, 2);
}

const mask = (p: Ipv4Prefix): string => `${p.address} ${netmask(p.prefixLength)}`;
const aclAddress = (p: Ipv4Prefix | undefined): string =>
  !p ? 'any' : p.prefixLength === 32 ? `host ${p.address}` : `${networkOf(p).address} ${wildcard(p.prefixLength)}`;
const aclLine = (e: AclEntry): string =>
  ` ${e.action.padEnd(6)} ${e.protocol} ${aclAddress(e.source)} ${aclAddress(e.destination)}${e.port ? ` eq ${[22, 443].includes(e.port.number) ? e.port.number : e.port.name}` : ''}${e.log ? ' log' : ''}`;

/** `ntp clock-period`: IOS rewrites it as NTP disciplines the clock; fixed width keeps the byte count still. */
const clockPeriod = (now: Date): string => `ntp clock-period ${17_179_600 + (hashText(String(Math.floor(now.getTime() / 1000))) % 400)}`;

export function renderIosConfig(device: LabDeviceIdentity, state: LabDeviceState, now: Date): RenderedConfig {
  const model = iosModelOf(device);
  const plan = iosPlan(device);
  const enc = SeededRandom.forDevice(device, 'ios-secrets');
  const secrets: string[] = [];
  const secret = (value: string): string => (secrets.push(value), value);
  const type7 = (plain: string): string => secret(ciscoType7(plain, enc));
  const ospfKey = type7(plan.ospf.key);

  const port = (p: PlannedPort): string[] => {
    const lines = [`interface ${p.name}`, ` description ${descriptionOf(p, state.descriptions)}`];
    if (p.role === 'uplink') {
      lines.push(' no switchport', ` ip address ${mask(p.address ?? plan.loopback)}`, ' ip ospf authentication message-digest',
        ` ip ospf message-digest-key 1 md5 7 ${ospfKey}`, ' ip ospf network point-to-point');
    } else if (p.role === 'downlink') {
      lines.push(` switchport access vlan ${p.vlan}`, ' switchport mode access', ' spanning-tree portfast', ' spanning-tree bpduguard enable');
    } else {
      lines.push(` switchport access vlan ${plan.deadVlan}`, ' switchport mode access', ' shutdown');
    }
    return [...lines, '!'];
  };

  const body = [
    `version ${model.configVersion}`,
    'no service pad',
    'service timestamps debug datetime msec localtime show-timezone',
    'service timestamps log datetime msec localtime show-timezone',
    'service password-encryption',
    '!',
    `hostname ${plan.hostname}`,
    '!',
    'boot-start-marker',
    ...(model.xe ? ['boot system flash:packages.conf'] : []),
    'boot-end-marker',
    '!',
    ...(model.mgmtVrf ? [`vrf definition ${model.mgmtVrf}`, ' !', ' address-family ipv4', ' exit-address-family', '!'] : []),
    'logging buffered 64000 informational',
    `enable secret 9 ${secret(ciscoType9(enc))}`,
    '!',
    ...plan.users.map((u) =>
      u.privilege === 1
        ? `username ${u.name} privilege 1 password 7 ${type7(plainPassword(enc))}`
        : `username ${u.name} privilege ${u.privilege} secret ${u.role === 'operator' ? `5 ${secret(md5Crypt(enc))}` : `9 ${secret(ciscoType9(enc))}`}`,
    ),
    'aaa new-model',
    '!',
    'aaa group server tacacs+ TACACS-GROUP',
    ...plan.aaa.servers.map((s) => ` server name ${s.name}`),
    ...(model.mgmtVrf ? [` ip vrf forwarding ${model.mgmtVrf}`] : []),
    '!',
    'aaa authentication login default group TACACS-GROUP local',
    'aaa authentication enable default group TACACS-GROUP enable',
    'aaa authorization exec default group TACACS-GROUP local if-authenticated',
    'aaa accounting commands 15 default start-stop group TACACS-GROUP',
    '!',
    'aaa session-id common',
    'clock timezone UTC 0 0',
    ...(model.model.startsWith('WS-C3750') || model.xe ? [`switch 1 provision ${model.model.toLowerCase()}`] : []),
    'ip routing',
    '!',
    'no ip domain lookup',
    `ip domain name ${plan.domain}`,
    ...plan.dnsServers.map((s) => `ip name-server ${s}`),
    'login block-for 120 attempts 5 within 60',
    'login on-failure log',
    '!',
    'spanning-tree mode rapid-pvst',
    'spanning-tree extend system-id',
    '!',
    ...[...plan.vlans.map((v) => [v.id, v.name] as const), [plan.deadVlan, 'UNUSED'] as const].flatMap(([id, name]) => [`vlan ${id}`, ` name ${name}`, '!']),
    'ip ssh time-out 60',
    'ip ssh authentication-retries 2',
    'ip ssh version 2',
    '!',
    'interface Loopback0',
    ` ip address ${mask(plan.loopback)}`,
    '!',
    `interface ${model.mgmtPort}`,
    ' description OOB management',
    ...(model.mgmtVrf ? [` vrf forwarding ${model.mgmtVrf}`] : []),
    ` ip address ${plan.management.address} ${netmask(plan.management.prefixLength)}`,
    ...(model.xe ? [' negotiation auto'] : []),
    '!',
    ...plan.ports.flatMap(port),
    'interface Vlan1',
    ' no ip address',
    ' shutdown',
    '!',
    ...plan.vlans.flatMap((v) => [
      `interface Vlan${v.id}`, ` description ${v.name} gateway`, ` ip address ${mask(v.gateway)}`,
      ...(v.name === 'GUEST' ? [' ip access-group GUEST-IN in'] : []), ' ip helper-address 10.250.0.67', '!',
    ]),
    `router ospf ${plan.ospf.processId}`,
    ` router-id ${plan.loopback.address}`,
    ' passive-interface default',
    ...plan.ports.filter((p) => p.role === 'uplink').map((p) => ` no passive-interface ${p.name}`),
    ` network ${plan.loopback.address} 0.0.0.0 area 0`,
    ...plan.ports.filter((p) => p.role === 'uplink' && p.address).map((p) => {
      const n = networkOf(p.address ?? plan.loopback);
      return ` network ${n.address} ${wildcard(n.prefixLength)} area 0`;
    }),
    '!',
    `router bgp ${plan.bgp.asn}`,
    ` bgp router-id ${plan.loopback.address}`,
    ' bgp log-neighbor-changes',
    ...plan.bgp.neighbors.flatMap((n) => [
      ` neighbor ${n.address} remote-as ${n.remoteAs}`, ` neighbor ${n.address} description ${n.description}`,
      ` neighbor ${n.address} password 7 ${type7(n.password)}`,
    ]),
    ' !',
    ' address-family ipv4',
    ...plan.bgp.networks.map((n) => `  network ${n.address} mask ${netmask(n.prefixLength)}`),
    ...plan.bgp.neighbors.map((n) => `  neighbor ${n.address} activate`),
    ' exit-address-family',
    '!',
    'ip forward-protocol nd',
    'no ip http server',
    'no ip http secure-server',
    '!',
    ...plan.routes.map((r) => `ip route ${mask(r.prefix)} ${r.nextHop === 'discard' ? 'Null0' : r.nextHop} name ${r.name}`),
    ...(model.mgmtVrf ? [`ip route vrf ${model.mgmtVrf} 0.0.0.0 0.0.0.0 ${plan.management.gateway}`] : []),
    '!',
    ...plan.acls.flatMap((acl) => [`ip access-list extended ${acl.name}`, ...acl.entries.map(aclLine), '!']),
    'logging source-interface Loopback0',
    ...plan.syslogServers.map((s) => `logging host ${s}`),
    '!',
    `snmp-server community ${secret(plan.snmp.readCommunity)} RO MGMT-ACCESS`,
    `snmp-server community ${secret(plan.snmp.writeCommunity)} RW MGMT-ACCESS`,
    `snmp-server location ${plan.location}`,
    `snmp-server contact ${plan.contact}`,
    'snmp-server enable traps snmp authentication linkdown linkup coldstart warmstart',
    'snmp-server enable traps config',
    ...plan.snmp.trapHosts.map((h) => `snmp-server host ${h} version 2c ${plan.snmp.readCommunity}`),
    '!',
    ...plan.aaa.servers.flatMap((s) => [`tacacs server ${s.name}`, ` address ipv4 ${s.address}`, ` key 7 ${type7(plan.aaa.key)}`, '!']),
    '!',
    'banner motd ^C',
    ...plan.banner,
    '^C',
    '!',
    'line con 0',
    ' exec-timeout 15 0',
    ' logging synchronous',
    ' stopbits 1',
    ...['line vty 0 4', 'line vty 5 15'].flatMap((line) => [
      line, ' access-class MGMT-ACCESS in', ' exec-timeout 30 0', ' logging synchronous', ' transport preferred none', ' transport input ssh',
    ]),
    '!',
    clockPeriod(now),
    'ntp source Loopback0',
    ...plan.ntpServers.map((s, i) => `ntp server ${s}${i === 0 ? ' prefer' : ''}`),
    '!',
    '!',
    ...state.addedLines,
    'end',
  ];
  const header = [
    '!',
    `! Last configuration change at ${ciscoDateTime(state.changedAt)} by ${state.changedBy}`,
    `! NVRAM config last updated at ${ciscoDateTime(new Date(state.changedAt.getTime() + 4000))} by ${state.changedBy}`,
    '!',
  ];
  const counted = [...header, ...body];
  const bytes = Buffer.byteLength(`${counted.join('\n')}\n`);
  const size = `Current configuration : ${bytes} bytes`;
  const text = ['Building configuration...', '', size, ...counted].join('\n');
  // The lines backup tools drop (research §4.2): the header, the byte count, the change stamps, the clock drift.
  const volatileLines = ['Building configuration...', size, header[1], header[2], clockPeriod(now)];
  return { text, volatileLines, secrets: [...new Set(secrets)] };
}
