import type { LabDeviceIdentity, LabDeviceState, RenderedConfig } from '../persona';
import { isoDateTime } from './clock-format';
import { cidr, networkOf, type Ipv4Prefix } from './ipv4';
import { descriptionOf, networkPlan, type AclEntry, type NetworkPlan } from './network-plan';
import { param, renderExport, sensitiveValues, type ExportItem, type ExportOptions, type ExportSection } from './routeros-export';
import { base64Key, plainPassword } from './secret-formats';
import { SeededRandom, UPPER_ALPHANUMERIC } from './seeded-random';

/** RouterOS 7.16 on a CCR2004-1G-12S+2XS: ether1 out of band, 12 SFP+ to hosts, 2 SFP28 to the core. */

export const ROUTEROS_VERSION = '7.16.2';
export const ROUTEROS_MODEL = 'CCR2004-1G-12S+2XS';
export const ROUTEROS_PORTS: readonly string[] = [
  ...Array.from({ length: 12 }, (_, i) => `sfp-sfpplus${i + 1}`),
  'sfp28-1',
  'sfp28-2',
];

export const routerOsPlan = (device: LabDeviceIdentity): NetworkPlan => networkPlan(device, ROUTEROS_PORTS, 2);

export function routerOsIdentity(device: LabDeviceIdentity): { serial: string; softwareId: string } {
  const rng = SeededRandom.forDevice(device, 'serial');
  return { serial: `HF${rng.chars(10, UPPER_ALPHANUMERIC)}`, softwareId: `${rng.chars(4, UPPER_ALPHANUMERIC)}-${rng.chars(4, UPPER_ALPHANUMERIC)}` };
}

const add = (...params: ReturnType<typeof param>[]): ExportItem => ({ command: 'add', params });
const set = (target: string, ...params: ReturnType<typeof param>[]): ExportItem => ({ command: `set ${target}`.trim(), params });
const address = (p: Ipv4Prefix): string => (p.prefixLength === 32 ? p.address : cidr(networkOf(p)));

function filterRule(entry: AclEntry, chain: string, comment: string): ExportItem {
  return add(
    param('action', entry.action === 'permit' ? 'accept' : 'drop'),
    param('chain', chain),
    param('comment', comment),
    ...(entry.source ? [param('src-address', address(entry.source))] : []),
    ...(entry.destination ? [param('dst-address', address(entry.destination))] : []),
    ...(entry.protocol !== 'ip' ? [param('protocol', entry.protocol)] : []),
    ...(entry.port ? [param('dst-port', entry.port.number)] : []),
    ...(entry.log ? [param('log', 'yes'), param('log-prefix', comment.split(' ')[0])] : []),
  );
}

function exportSections(device: LabDeviceIdentity, state: LabDeviceState): ExportSection[] {
  const plan = routerOsPlan(device);
  const enc = SeededRandom.forDevice(device, 'routeros-secrets');
  const uplinks = plan.ports.filter((p) => p.role === 'uplink');
  const vlanName = (id: number, name: string): string => `vlan${id}-${name}`;
  return [
    { path: '/interface ethernet', items: [
      set('[ find default-name=ether1 ]', param('comment', 'OOB management')),
      ...plan.ports.map((p) => set(`[ find default-name=${p.name} ]`, param('comment', descriptionOf(p, state.descriptions)),
        ...(p.role === 'unused' ? [param('disabled', 'yes')] : []), ...(p.role === 'uplink' ? [param('l2mtu', 9216), param('mtu', 9000)] : []))),
    ] },
    { path: '/interface wireguard', items: [add(param('listen-port', 13231), param('mtu', 1420), param('name', 'wg-oob'), param('private-key', base64Key(enc), true))] },
    { path: '/interface vlan', items: plan.vlans.map((v) => add(param('comment', `${v.name} gateway`), param('interface', v.port), param('name', vlanName(v.id, v.name)), param('vlan-id', v.id))) },
    { path: '/interface list', items: ['WAN', 'LAN', 'MGMT'].map((name) => add(param('name', name))) },
    { path: '/routing bgp template', items: [set('default', param('as', plan.bgp.asn), param('router-id', plan.loopback.address))] },
    { path: '/routing ospf instance', items: [add(param('disabled', 'no'), param('name', 'default-v2'), param('router-id', plan.loopback.address))] },
    { path: '/routing ospf area', items: [add(param('disabled', 'no'), param('instance', 'default-v2'), param('name', 'backbone-v2'))] },
    { path: '/snmp community', items: [
      { command: 'set [ find default=yes ]', params: [param('disabled', 'yes')] },
      add(param('addresses', '10.250.3.0/24'), param('authentication-password', plan.snmp.authPassword, true), param('authentication-protocol', 'SHA1'),
        param('encryption-password', plan.snmp.privPassword, true), param('encryption-protocol', 'AES'), param('name', plan.snmp.user), param('security', 'private')),
    ] },
    { path: '/interface list member', items: [
      ...uplinks.map((p) => add(param('interface', p.name), param('list', 'WAN'))),
      ...plan.ports.filter((p) => p.role === 'downlink').map((p) => add(param('interface', p.name), param('list', 'LAN'))),
      ...plan.vlans.map((v) => add(param('interface', vlanName(v.id, v.name)), param('list', 'LAN'))),
      add(param('interface', 'ether1'), param('list', 'MGMT')),
    ] },
    { path: '/interface wireguard peers', items: [add(param('allowed-address', '10.250.0.0/16'), param('endpoint-address', '10.250.0.1'),
      param('endpoint-port', 13231), param('interface', 'wg-oob'), param('name', 'peer1'), param('public-key', base64Key(enc)))] },
    { path: '/ip address', items: [
      add(param('address', `${plan.management.address}/${plan.management.prefixLength}`), param('comment', 'OOB management'), param('interface', 'ether1'),
        param('network', networkOf({ address: plan.management.address, prefixLength: plan.management.prefixLength }).address)),
      add(param('address', plan.loopback.address), param('interface', 'lo'), param('network', plan.loopback.address)),
      ...plan.ports.filter((p) => p.role !== 'unused' && p.address).map((p) => {
        const a = p.address ?? plan.loopback;
        return add(param('address', cidr(a)), param('interface', p.name), param('network', networkOf(a).address));
      }),
      ...plan.vlans.map((v) => add(param('address', cidr(v.gateway)), param('interface', vlanName(v.id, v.name)), param('network', networkOf(v.gateway).address))),
    ] },
    { path: '/ip dhcp-relay', items: plan.vlans.map((v) => add(param('dhcp-server', '10.250.0.67'), param('disabled', 'no'),
      param('interface', vlanName(v.id, v.name)), param('local-address', v.gateway.address), param('name', `relay-${v.name}`))) },
    { path: '/ip dns', items: [set('', param('servers', plan.dnsServers.join(',')))] },
    { path: '/ip firewall address-list', items: [
      add(param('address', '10.250.3.0/24'), param('list', 'NMS')),
      add(param('address', '10.250.0.0/16'), param('list', 'INFRA')),
      ...plan.bgp.neighbors.map((n) => add(param('address', n.address), param('comment', n.description), param('list', 'BGP-PEERS'))),
    ] },
    { path: '/ip firewall filter', items: [
      add(param('action', 'accept'), param('chain', 'input'), param('comment', 'defconf: accept established,related,untracked'), param('connection-state', 'established,related,untracked')),
      add(param('action', 'drop'), param('chain', 'input'), param('comment', 'defconf: drop invalid'), param('connection-state', 'invalid')),
      ...plan.acls[0].entries.map((e, i) => filterRule(e, 'input', `MGMT-ACCESS ${(i + 1) * 10}`)).slice(0, -1),
      ...plan.acls[1].entries.map((e, i) => filterRule(e, 'input', `INFRA-PROTECT ${(i + 1) * 10}`)),
      add(param('action', 'fasttrack-connection'), param('chain', 'forward'), param('comment', 'defconf: fasttrack'), param('connection-state', 'established,related'), param('hw-offload', 'yes')),
      ...plan.acls[2].entries.map((e, i) => filterRule(e, 'forward', `GUEST-IN ${(i + 1) * 10}`)),
    ] },
    { path: '/ip firewall nat', items: [
      add(param('action', 'masquerade'), param('chain', 'srcnat'), param('comment', 'GUEST to internet'), param('out-interface-list', 'WAN'),
        param('src-address', address(plan.acls[2].entries[0].source ?? plan.loopback))),
    ] },
    { path: '/ip neighbor discovery-settings', items: [set('', param('discover-interface-list', 'MGMT'))] },
    { path: '/ip route', items: plan.routes.map((r) => r.nextHop === 'discard'
      ? { command: 'add', flags: ['blackhole'], params: [param('comment', r.name), param('dst-address', cidr(r.prefix))] }
      : add(param('comment', r.name), param('disabled', 'no'), param('dst-address', cidr(r.prefix)), param('gateway', r.nextHop))) },
    { path: '/ip service', items: [
      ...['telnet', 'ftp', 'www', 'api', 'api-ssl'].map((s) => set(s, param('disabled', 'yes'))),
      set('ssh', param('address', '10.0.0.0/8')),
      set('winbox', param('address', '10.250.0.0/16')),
    ] },
    { path: '/ip ssh', items: [set('', param('strong-crypto', 'yes'))] },
    { path: '/ppp secret', items: Array.from({ length: 6 }, (_, i) => add(param('name', `fieldtech${i + 1}`), param('password', plainPassword(enc), true),
      param('profile', 'default-encryption'), param('service', 'l2tp'))) },
    { path: '/radius', items: plan.aaa.servers.map((s) =>
      add(param('address', s.address), param('secret', plainPassword(enc, 16), true), param('service', 'login'), param('src-address', plan.loopback.address))) },
    { path: '/routing bgp connection', items: plan.bgp.neighbors.map((n) => add(param('as', plan.bgp.asn), param('local.role', 'ebgp'), param('name', n.description),
      param('remote.address', `${n.address}/32`), param('.as', n.remoteAs), param('router-id', plan.loopback.address), param('tcp-md5-key', n.password, true))) },
    { path: '/routing ospf interface-template', items: [
      add(param('area', 'backbone-v2'), param('auth', 'md5'), param('auth-id', 1), param('auth-key', plan.ospf.key, true),
        param('interfaces', uplinks.map((p) => p.name).join(',')), param('type', 'ptp')),
      { command: 'add', flags: ['passive'], params: [param('area', 'backbone-v2'), param('interfaces', 'lo')] },
    ] },
    { path: '/snmp', items: [set('', param('contact', plan.contact), param('enabled', 'yes'), param('location', plan.location),
      param('trap-target', plan.snmp.trapHosts.join(',')), param('trap-version', 3))] },
    { path: '/system clock', items: [set('', param('time-zone-name', 'UTC'))] },
    { path: '/system identity', items: [set('', param('name', plan.hostname))] },
    { path: '/system logging action', items: plan.syslogServers.map((s, i) => add(param('name', `remote${i + 1}`), param('remote', s), param('target', 'remote'))) },
    { path: '/system logging', items: plan.syslogServers.flatMap((_s, i) => [add(param('action', `remote${i + 1}`), param('topics', 'info')),
      add(param('action', `remote${i + 1}`), param('topics', 'critical'))]) },
    { path: '/system note', items: [set('', param('show-at-login', 'no'))] },
    { path: '/system ntp client', items: [set('', param('enabled', 'yes'))] },
    { path: '/system ntp client servers', items: plan.ntpServers.map((s) => add(param('address', s))) },
    { path: '/system routerboard settings', items: [set('', param('auto-upgrade', 'yes'))] },
    { path: '/tool mac-server', items: [set('', param('allowed-interface-list', 'MGMT'))] },
    { path: '/tool mac-server mac-winbox', items: [set('', param('allowed-interface-list', 'MGMT'))] },
    { path: '/user aaa', items: [set('', param('use-radius', 'yes'))] },
  ];
}

/** `/export` with its options; `renderConfig` is `/export show-sensitive`, the full backup. */
export function renderRouterOsExport(device: LabDeviceIdentity, state: LabDeviceState, now: Date, options: ExportOptions): RenderedConfig {
  const { serial, softwareId } = routerOsIdentity(device);
  const sections = exportSections(device, state);
  const stamp = `# ${isoDateTime(now)} by RouterOS ${ROUTEROS_VERSION}`;
  const lines = [stamp, `# software id = ${softwareId}`, '#', `# model = ${ROUTEROS_MODEL}`, `# serial number = ${serial}`,
    ...renderExport(sections, options), ...state.addedLines];
  return { text: lines.join('\n'), volatileLines: [stamp], secrets: options.showSensitive ? sensitiveValues(sections) : [] };
}

export const renderRouterOsConfig = (device: LabDeviceIdentity, state: LabDeviceState, now: Date): RenderedConfig =>
  renderRouterOsExport(device, state, now, { showSensitive: true, terse: false });
