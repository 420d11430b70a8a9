import type { LabDeviceIdentity, LabDeviceState, RenderedConfig } from '../persona';
import { isoDateTime } from './clock-format';
import { cidr, networkOf, type Ipv4Prefix } from './ipv4';
import { block, junosQuote, leaf, renderHierarchy, secretLeaf, type JunosStatement } from './junos-hierarchy';
import { descriptionOf, networkPlan, type AclEntry, type NetworkPlan, type PlannedPort } from './network-plan';
import { junosType9, sha512Crypt } from './secret-formats';
import { SeededRandom } from './seeded-random';

/** Junos 21.4 on an MX204: 8 SFP+ ports towards hosts, 4 QSFP28 ports of which 2 face the core. */

export const JUNOS_VERSION = '21.4R3-S5.4';
export const JUNOS_MODEL = 'mx204';
export const JUNOS_PORTS: readonly string[] = [
  ...Array.from({ length: 8 }, (_, i) => `xe-0/1/${i}`),
  ...Array.from({ length: 4 }, (_, i) => `et-0/0/${i}`),
];

export const junosPlan = (device: LabDeviceIdentity): NetworkPlan => networkPlan(device, JUNOS_PORTS, 2);

const family = (address: Ipv4Prefix, extra: JunosStatement[] = []): JunosStatement =>
  block('family inet', [...extra, leaf(`address ${cidr(address)}`)]);

function term(entry: AclEntry, index: number): JunosStatement {
  const from: JunosStatement[] = [
    ...(entry.source ? [block('source-address', [leaf(cidr(entry.source.prefixLength === 32 ? entry.source : networkOf(entry.source)))])] : []),
    ...(entry.destination ? [block('destination-address', [leaf(cidr(entry.destination))])] : []),
    ...(entry.protocol !== 'ip' ? [leaf(`protocol ${entry.protocol}`)] : []),
    ...(entry.port ? [leaf(`destination-port ${entry.port.number === 443 ? 'https' : entry.port.name === 'www' ? 'http' : entry.port.name}`)] : []),
  ];
  const action = entry.action === 'permit' ? 'accept' : 'discard';
  const then = entry.log ? block('then', [leaf('syslog'), leaf(action)]) : leaf(`then ${action}`);
  return block(`term ${(index + 1) * 10}`, [...(from.length ? [block('from', from)] : []), then]);
}

export function renderJunosConfig(device: LabDeviceIdentity, state: LabDeviceState, _now: Date): RenderedConfig {
  const plan = junosPlan(device);
  const enc = SeededRandom.forDevice(device, 'junos-secrets');
  const secrets: string[] = [];
  const secret = (value: string): string => (secrets.push(value), value);
  const quoted = (value: string): string => `"${secret(value)}"`;
  const ospfKey = quoted(junosType9(enc, plan.ospf.key.length));
  const tacacsKey = quoted(junosType9(enc, plan.aaa.key.length));
  const uplinks = plan.ports.filter((p) => p.role === 'uplink');

  const port = (p: PlannedPort): JunosStatement => {
    const description = leaf(`description ${junosQuote(descriptionOf(p, state.descriptions))}`);
    if (p.role === 'unused') return block(p.name, [leaf('disable'), description]);
    if (p.role === 'uplink') return block(p.name, [description, leaf('mtu 9192'), block('unit 0', [family(p.address ?? plan.loopback), leaf('family iso'), leaf('family mpls')])]);
    const vlans = plan.vlans.filter((v) => v.port === p.name);
    if (vlans.length === 0) return block(p.name, [description, block('unit 0', [family(p.address ?? plan.loopback)])]);
    return block(p.name, [description, leaf('vlan-tagging'),
      block('unit 1', [leaf('vlan-id 1'), family(p.address ?? plan.loopback)]),
      ...vlans.map((v) => block(`unit ${v.id}`, [leaf(`description ${v.name}-gateway`), leaf(`vlan-id ${v.id}`),
        family(v.gateway, v.name === 'GUEST' ? [block('filter', [leaf('input GUEST-IN')])] : [])])),
    ]);
  };

  const tree: JunosStatement[] = [
    leaf(`version ${JUNOS_VERSION}`),
    block('system', [
      leaf(`host-name ${plan.hostname}`),
      leaf(`domain-name ${plan.domain}`),
      leaf('time-zone UTC'),
      block('root-authentication', [secretLeaf(`encrypted-password ${quoted(sha512Crypt(enc))}`)]),
      block('name-server', plan.dnsServers.map(leaf)),
      block('tacplus-server', plan.aaa.servers.map((s) => block(s.address, [secretLeaf(`secret ${tacacsKey}`), leaf(`source-address ${plan.loopback.address}`)]))),
      leaf('authentication-order [ tacplus password ]'),
      block('login', [
        leaf('message "Authorised access only. Activity is logged and monitored."'),
        block('class netkeep-backup', [leaf('permissions [ view view-configuration ]')]),
        ...plan.users.map((u, i) => block(`user ${u.name}`, [
          leaf(`uid ${2000 + i}`),
          leaf(`class ${u.role === 'admin' ? 'super-user' : u.role === 'operator' ? 'netkeep-backup' : 'read-only'}`),
          block('authentication', [secretLeaf(`encrypted-password ${quoted(sha512Crypt(enc))}`)]),
        ])),
      ]),
      block('services', [
        block('ssh', [leaf('root-login deny'), leaf('protocol-version v2'), leaf('connection-limit 10'), leaf('rate-limit 5')]),
        block('netconf', [leaf('ssh')]),
      ]),
      block('syslog', [
        block('user *', [leaf('any emergency')]),
        ...plan.syslogServers.map((s) => block(`host ${s}`, [leaf('any notice'), leaf('authorization info'), leaf('interactive-commands any')])),
        block('file messages', [leaf('any notice'), leaf('authorization info')]),
        block('file interactive-commands', [leaf('interactive-commands any')]),
        leaf(`source-address ${plan.loopback.address}`),
      ]),
      block('ntp', [...plan.ntpServers.map((s, i) => leaf(`server ${s}${i === 0 ? ' prefer' : ''}`)), leaf(`source-address ${plan.loopback.address}`)]),
    ]),
    block('chassis', [block('fpc 0', [block('pic 0', [0, 1, 2, 3].map((n) => block(`port ${n}`, [leaf('speed 100g')])))])]),
    block('interfaces', [
      ...plan.ports.map(port),
      block('fxp0', [block('unit 0', [family({ address: plan.management.address, prefixLength: plan.management.prefixLength })])]),
      block('lo0', [block('unit 0', [family(plan.loopback, [block('filter', [leaf('input INFRA-PROTECT')])])])]),
    ]),
    block('snmp', [
      leaf(`location ${junosQuote(plan.location)}`),
      leaf(`contact ${junosQuote(plan.contact)}`),
      block(`community ${secret(plan.snmp.readCommunity)}`, [leaf('authorization read-only'), block('clients', [leaf('10.250.3.0/24')])]),
      block(`community ${secret(plan.snmp.writeCommunity)}`, [leaf('authorization read-write'), block('clients', [leaf('10.250.3.0/24')])]),
      block('trap-group NMS', [leaf('version v2'), block('targets', plan.snmp.trapHosts.map(leaf))]),
    ]),
    block('routing-options', [
      leaf(`router-id ${plan.loopback.address}`),
      leaf(`autonomous-system ${plan.bgp.asn}`),
      block('static', plan.routes.map((r) => leaf(`route ${cidr(r.prefix)} ${r.nextHop === 'discard' ? 'discard' : `next-hop ${r.nextHop}`}`))),
    ]),
    block('protocols', [
      block('ospf', [block(`area ${plan.ospf.area}`, [
        block('interface lo0.0', [leaf('passive')]),
        ...uplinks.map((p) => block(`interface ${p.name}.0`, [leaf('interface-type p2p'), block('authentication', [secretLeaf(`md5 1 key ${ospfKey}`)])])),
      ])]),
      block('bgp', [block('group CORE', [
        leaf('type external'), leaf('export EXPORT-SITE'), leaf('peer-as 65000'),
        ...plan.bgp.neighbors.map((n) => block(`neighbor ${n.address}`, [
          leaf(`description ${n.description}`), secretLeaf(`authentication-key ${quoted(junosType9(enc, n.password.length))}`),
        ])),
      ])]),
      block('lldp', [leaf('interface all')]),
    ]),
    block('policy-options', [
      block('prefix-list NMS', [leaf('10.250.3.0/24')]),
      block('policy-statement EXPORT-SITE', [
        block('term VLANS', [block('from', plan.bgp.networks.map((n) => leaf(`route-filter ${cidr(n)} exact`))), leaf('then accept')]),
        leaf('then reject'),
      ]),
    ]),
    block('firewall', [block('family inet', plan.acls.map((acl) => block(`filter ${acl.name}`, acl.entries.map(term))))]),
  ];

  const lines = [`## Last commit: ${isoDateTime(state.changedAt)} UTC by ${state.changedBy}`, ...renderHierarchy(tree), ...state.addedLines];
  return { text: lines.join('\n'), volatileLines: [lines[0]], secrets: [...new Set(secrets)] };
}
