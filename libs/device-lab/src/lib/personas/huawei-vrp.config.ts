import type { LabDeviceIdentity, LabDeviceState, RenderedConfig } from '../persona';
import { isoDateTime } from './clock-format';
import { netmask, networkOf, wildcard, type Ipv4Prefix } from './ipv4';
import { descriptionOf, networkPlan, type AclEntry, type NetworkPlan, type PlannedPort } from './network-plan';
import { hexKey, huaweiCipher, huaweiIrreversible } from './secret-formats';
import { SeededRandom, UPPER_ALPHANUMERIC } from './seeded-random';

/** Huawei VRP 8 on an NE40E-X8A: 24 GE ports to hosts and customers, two 100GE ports to the core. */

export const VRP_MODEL = 'NE40E-X8A';
export const VRP_RELEASE = 'V800R021C10SPC100';
export const VRP_VERSION = '8.210';
export const VRP_PORTS: readonly string[] = [
  ...Array.from({ length: 24 }, (_, i) => `GigabitEthernet1/0/${i}`),
  '100GE2/0/0',
  '100GE2/0/1',
];

export const vrpPlan = (device: LabDeviceIdentity): NetworkPlan => networkPlan(device, VRP_PORTS, 2);

export function vrpEsn(device: LabDeviceIdentity): string {
  return `210235${SeededRandom.forDevice(device, 'serial').chars(14, UPPER_ALPHANUMERIC)}`;
}

/** `2026-11-27 01:45:26+00:00` */
export const vrpTime = (d: Date): string => `${isoDateTime(d)}+00:00`;

const mask = (p: Ipv4Prefix): string => `${p.address} ${netmask(p.prefixLength)}`;
const aclAddress = (word: string, p: Ipv4Prefix | undefined): string =>
  !p ? '' : ` ${word} ${networkOf(p).address} ${p.prefixLength === 32 ? '0' : wildcard(p.prefixLength)}`;
const rule = (e: AclEntry, i: number): string =>
  ` rule ${(i + 1) * 5} ${e.action} ${e.protocol}${aclAddress('source', e.source)}${aclAddress('destination', e.destination)}${e.port ? ` destination-port eq ${e.port.number}` : ''}${e.log ? ' logging' : ''}`;

export function renderVrpConfig(device: LabDeviceIdentity, state: LabDeviceState, _now: Date): RenderedConfig {
  const plan = vrpPlan(device);
  const enc = SeededRandom.forDevice(device, 'vrp-secrets');
  const secrets: string[] = [];
  const cipher = (): string => {
    const value = huaweiCipher(enc);
    secrets.push(value);
    return value;
  };
  const ospfKey = cipher();
  const uplinks = plan.ports.filter((p) => p.role === 'uplink');

  const port = (p: PlannedPort): string[] => {
    const head = [`interface ${p.name}`];
    const description = ` description ${descriptionOf(p, state.descriptions)}`;
    if (p.role === 'unused') return [...head, ' shutdown', description, '#'];
    const subs = plan.vlans.filter((v) => v.port === p.name).flatMap((v) => [
      `interface ${p.name}.${v.id}`, ` vlan-type dot1q ${v.id}`, ` description ${v.name} gateway`, ` ip address ${mask(v.gateway)}`,
      ...(v.name === 'GUEST' ? [' traffic-filter inbound acl name GUEST-IN'] : []), '#',
    ]);
    const uplink = p.role === 'uplink'
      ? [' mtu 9000', ` ospf authentication-mode md5 1 cipher ${ospfKey}`, ' ospf network-type p2p']
      : [];
    return [...head, ' undo shutdown', description, ...(p.address ? [` ip address ${mask(p.address)}`] : []), ...uplink, '#', ...subs];
  };

  const updated = `!Last configuration was updated at ${vrpTime(state.changedAt)} by ${state.changedBy}`;
  const lines = [
    `!Software Version ${VRP_RELEASE}`,
    updated,
    '#',
    `sysname ${plan.hostname}`,
    '#',
    `set neid ${hexKey(enc, 6).toLowerCase()}`,
    '#',
    'info-center source default channel 2 log level warning',
    'info-center loghost source LoopBack0',
    ...plan.syslogServers.map((s) => `info-center loghost ${s}`),
    '#',
    'ntp-service source-interface LoopBack0',
    ...plan.ntpServers.map((s, i) => `ntp-service unicast-server ${s}${i === 0 ? ' preference' : ''}`),
    '#',
    'dns resolve',
    ...plan.dnsServers.map((s) => `dns server ${s}`),
    `dns domain ${plan.domain}`,
    '#',
    'hwtacacs-server template TAC',
    ` hwtacacs-server authentication ${plan.aaa.servers[0].address}`,
    ` hwtacacs-server authentication ${plan.aaa.servers[1].address} secondary`,
    ` hwtacacs-server authorization ${plan.aaa.servers[0].address}`,
    ` hwtacacs-server accounting ${plan.aaa.servers[0].address}`,
    ' hwtacacs-server source-ip LoopBack0',
    ` hwtacacs-server shared-key cipher ${cipher()}`,
    '#',
    'aaa',
    ...plan.users.flatMap((u) => {
      const hash = huaweiIrreversible(enc);
      secrets.push(hash);
      return [` local-user ${u.name} password irreversible-cipher ${hash}`, ` local-user ${u.name} service-type ssh`,
        ` local-user ${u.name} level ${u.role === 'viewer' ? 1 : 3}`, ` local-user ${u.name} state active`];
    }),
    ' #',
    ' authentication-scheme default0',
    ' #',
    ' authentication-scheme TAC',
    '  authentication-mode hwtacacs local',
    ' #',
    ' authorization-scheme default',
    ' #',
    ' accounting-scheme default0',
    ' #',
    ' domain default0',
    ' #',
    ' domain default_admin',
    '  authentication-scheme TAC',
    '  hwtacacs-server TAC',
    '#',
    ...plan.ports.flatMap(port),
    'interface GigabitEthernet0/0/0',
    ' undo shutdown',
    ' description OOB management',
    ' ip binding vpn-instance __LOCAL_OAM_VPN__',
    ` ip address ${plan.management.address} ${netmask(plan.management.prefixLength)}`,
    '#',
    'interface LoopBack0',
    ` ip address ${mask(plan.loopback)}`,
    '#',
    'interface NULL0',
    '#',
    ...plan.acls.flatMap((acl) => [`acl name ${acl.name} advance`, ...acl.entries.map(rule), '#']),
    `bgp ${plan.bgp.asn}`,
    ` router-id ${plan.loopback.address}`,
    ...plan.bgp.neighbors.flatMap((n) => [` peer ${n.address} as-number ${n.remoteAs}`, ` peer ${n.address} description ${n.description}`,
      ` peer ${n.address} password cipher ${cipher()}`]),
    ' #',
    ' ipv4-family unicast',
    '  undo synchronization',
    ...plan.bgp.networks.map((n) => `  network ${mask(n)}`),
    ...plan.bgp.neighbors.map((n) => `  peer ${n.address} enable`),
    '#',
    `ospf ${plan.ospf.processId} router-id ${plan.loopback.address}`,
    ` area ${plan.ospf.area}`,
    `  network ${plan.loopback.address} 0.0.0.0`,
    ...uplinks.map((p) => `  network ${networkOf(p.address ?? plan.loopback).address} ${wildcard(p.address?.prefixLength ?? 32)}`),
    '#',
    ...plan.routes.map((r) => `ip route-static ${mask(r.prefix)} ${r.nextHop === 'discard' ? 'NULL0' : r.nextHop} description ${r.name}`),
    '#',
    'snmp-agent',
    `snmp-agent local-engineid 800007DB03${hexKey(enc, 12)}`,
    `snmp-agent community read cipher ${cipher()} acl name MGMT-ACCESS`,
    `snmp-agent community write cipher ${cipher()} acl name MGMT-ACCESS`,
    `snmp-agent sys-info contact ${plan.contact}`,
    `snmp-agent sys-info location ${plan.location}`,
    'snmp-agent sys-info version v2c v3',
    ...plan.snmp.trapHosts.map((h) => `snmp-agent target-host trap address udp-domain ${h} params securityname cipher ${cipher()} v2c`),
    'snmp-agent trap enable',
    '#',
    'stelnet server enable',
    'ssh server-source all-interface',
    'ssh authorization-type default aaa',
    ...plan.users.flatMap((u) => [`ssh user ${u.name}`, `ssh user ${u.name} authentication-type password`, `ssh user ${u.name} service-type stelnet`]),
    '#',
    'user-interface con 0',
    ' authentication-mode aaa',
    '#',
    'user-interface vty 0 4',
    ' authentication-mode aaa',
    ' protocol inbound ssh',
    ' acl name MGMT-ACCESS inbound',
    '#',
    ...(state.addedLines.length > 0 ? [...state.addedLines, '#'] : []),
    'return',
  ];
  return { text: lines.join('\n'), volatileLines: [updated], secrets: [...new Set(secrets)] };
}
