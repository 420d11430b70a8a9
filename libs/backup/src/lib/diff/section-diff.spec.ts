import { personaFor } from '@netkeep/device-lab';
import { describe, expect, it } from 'vitest';
import { labConfigs } from '../../testing/archive.testkit';
import { DEFAULT_NOISE_RULES } from '../noise/default-noise-rules';
import { NoiseFilter } from '../noise/noise-filter';
import { diffSections, summariseSectionChanges } from './section-diff';
import { sectionSyntaxFor } from './sections/section-syntaxes';

const labConfig = labConfigs(personaFor);

const KNOB = 'CHANGED BY KNOB';

/** Section summaries of a change, volatile lines ignored as the archive does. */
function summaries(platform: string, before: string, after: string): string[] {
  const noise = NoiseFilter.for(platform, DEFAULT_NOISE_RULES);
  return diffSections(before, after, platform, { ignoreLine: (line) => noise.isIgnored(line) }).map((change) => change.summary);
}

/** The first interface that is up and has a description, in a Cisco-like or VRP configuration. */
function hostPort(config: string, up = ''): string {
  const match = new RegExp(`^interface ((?:GigabitEthernet)\\S+)\\n${up} description `, 'm').exec(config);
  if (!match?.[1]) throw new Error('no interface with a description');
  return match[1];
}

describe('section diff: Cisco IOS (indentation)', () => {
  const before = labConfig('cisco_ios');
  const port = hostPort(before);

  it('names the interface whose description changed and the setting added at the top level', () => {
    const after = labConfig('cisco_ios', {
      descriptions: { [port]: KNOB },
      addedLines: ['ip route 192.0.2.0 255.255.255.0 Null0 name KNOB'],
      changedAt: new Date('2026-03-05T10:00:00Z'),
    });
    expect(summaries('cisco_ios', before, after)).toEqual([
      'global: ip route 192.0.2.0 255.255.255.0 Null0 name KNOB added',
      `interface ${port}: description changed`,
    ]);
  });

  it('says a BGP neighbour was added, and a network inside an address family', () => {
    const after = before
      .replace(/^(router bgp \d+\n)/m, '$1 neighbor 10.0.0.2 remote-as 65010\n neighbor 10.0.0.2 description new-peer\n')
      .replace(/^( address-family ipv4\n)/m, '$1  network 10.9.0.0 mask 255.255.255.0\n');
    const [bgp] = diffSections(before, after, 'cisco_ios');
    expect(bgp?.section).toMatch(/^router bgp \d+$/);
    expect(bgp?.changes).toEqual(['neighbor 10.0.0.2 added', 'address-family ipv4 network 10.9.0.0 mask 255.255.255.0 added']);
    expect(bgp?.added).toContain('address-family ipv4 network 10.9.0.0 mask 255.255.255.0');
  });

  it('counts the entries of an access list instead of naming them', () => {
    const after = before.replace(
      /^(ip access-list extended MGMT-ACCESS\n)((?: .*\n)*)/m,
      (_all, header: string, body: string) =>
        header + body.replace(' permit icmp 10.0.0.0 0.255.255.255 any\n', ' permit tcp 10.251.0.0 0.0.255.255 any eq 22\n permit tcp 10.252.0.0 0.0.255.255 any eq 22\n'),
    );
    expect(summaries('cisco_ios', before, after)).toEqual(['ip access-list extended MGMT-ACCESS: 2 lines added, 1 removed']);
  });

  it('reports whole interfaces added and removed, and a flag set on one', () => {
    const after = before
      .replace(/^interface Loopback0\n ip address .*\n!\n/m, '')
      .replace(/^(interface FastEthernet0\n)/m, 'interface Loopback9\n description test loopback\n ip address 10.9.9.9 255.255.255.255\n!\n$1 shutdown\n');
    expect(summaries('cisco_ios', before, after)).toEqual(['interface Loopback9: added', 'interface FastEthernet0: shutdown added', 'interface Loopback0: removed']);
  });

  it('keeps a banner together as one section', () => {
    const after = before.replace('Authorised access only.', 'Authorised staff only.');
    const [banner] = diffSections(before, after, 'cisco_ios');
    expect(banner).toMatchObject({ section: 'banner motd', status: 'changed' });
    expect(banner?.added[0]).toContain('Authorised staff only.');
  });

  it('finds nothing when only ignored lines moved', () => {
    const later = labConfig('cisco_ios', { changedAt: new Date('2026-03-08T00:00:00Z') });
    expect(summaries('cisco_ios', before, later)).toEqual([]);
    expect(diffSections(before, later, 'cisco_ios').map((change) => change.section)).toEqual(['global']);
  });
});

describe('section diff: IOS-XR nested blocks', () => {
  it('names a neighbour added under router bgp and a value changed under it', () => {
    const before = ['router bgp 65000', ' neighbor 10.0.0.1', '  remote-as 65001', '  description old-peer', ' !', '!', 'end', ''].join('\n');
    const after = [
      'router bgp 65000',
      ' neighbor 10.0.0.1',
      '  remote-as 65002',
      '  description old-peer',
      ' !',
      ' neighbor 10.0.0.2',
      '  remote-as 65003',
      '  address-family ipv4 unicast',
      '   route-policy PASS in',
      ' !',
      '!',
      'end',
      '',
    ].join('\n');
    expect(summaries('cisco_xr', before, after)).toEqual(['router bgp 65000: neighbor 10.0.0.1 remote-as changed, neighbor 10.0.0.2 added']);
  });
});

describe('section diff: Junos (braces)', () => {
  const before = labConfig('juniper_junos');
  const port = /^ {4}(\S+) \{\n {8}description /m.exec(before)?.[1] ?? '';

  it('names the interface and the nested static route that was added on one line', () => {
    const after = labConfig('juniper_junos', {
      descriptions: { [port]: KNOB },
      addedLines: ['routing-options { static { route 192.0.2.0/24 discard; } }'],
      changedAt: new Date('2026-03-05T10:00:00Z'),
    });
    expect(summaries('juniper_junos', before, after)).toEqual([`interfaces ${port}: description changed`, 'routing-options static: route 192.0.2.0/24 discard added']);
  });

  it('carries the path below the section in front of a deep statement', () => {
    const after = before.replace(/(unit 110 \{\n(?:.*\n)*?\s+address )10\.\d+\.110\.1\/24;/, '$110.99.110.1/24;');
    expect(after).not.toBe(before);
    const [change] = diffSections(before, after, 'juniper_junos');
    expect(change?.summary).toMatch(/^interfaces \S+: unit 110 family inet address changed$/);
  });

  it('ignores braces and semicolons inside quotes and trailing SECRET-DATA comments', () => {
    const text = ['system {', '    login {', '        message "maintenance { tonight; }";', '        user a {', '            authentication {', '                encrypted-password "$6$x"; ## SECRET-DATA', '            }', '        }', '    }', '}', ''].join('\n');
    const sections = sectionSyntaxFor('junos').parse(text);
    expect(sections).toEqual([
      {
        path: ['system', 'login'],
        name: 'system login',
        kind: 'block',
        lines: ['message "maintenance { tonight; }"', 'user a authentication encrypted-password "$6$x"'],
      },
    ]);
  });

  it('reads the set format', () => {
    const before = ['set system host-name r1', 'set interfaces ge-0/0/0 description uplink', 'set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24', ''].join('\n');
    const after = before.replace('uplink', '"uplink to core"').replace('192.0.2.1/24', '192.0.2.9/24');
    expect(summaries('juniper_junos', before, after)).toEqual(['interfaces ge-0/0/0: description changed, unit 0 family inet address changed']);
  });
});

describe('section diff: RouterOS (menus)', () => {
  const before = labConfig('mikrotik_routeros');
  const port = /^set \[ find default-name=(sfp-sfpplus\d+) \] comment=/m.exec(before)?.[1] ?? '';

  it('names the item whose attribute changed and counts added items', () => {
    const after = labConfig('mikrotik_routeros', {
      descriptions: { [port]: KNOB },
      addedLines: ['/ip route add blackhole comment=KNOB dst-address=192.0.2.0/24'],
    });
    expect(summaries('mikrotik_routeros', before, after)).toEqual([`/interface ethernet: default-name=${port}: comment changed`, '/ip route: 1 line added']);
  });

  it('joins continuation lines before comparing', () => {
    const after = before.replace(/(comment="UPLINK [^"]*" \\\n\s+l2mtu=9216 )mtu=9000/, '$1mtu=1500');
    expect(after).not.toBe(before);
    expect(summaries('mikrotik_routeros', before, after)).toEqual([expect.stringMatching(/^\/interface ethernet: default-name=sfp28-1: mtu changed$/)]);
  });
});

describe('section diff: Huawei VRP (# blocks)', () => {
  const before = labConfig('huawei_vrp');
  const port = hostPort(before, ' undo shutdown\\n');

  it('names the interface and the static route added', () => {
    const after = labConfig('huawei_vrp', {
      descriptions: { [port]: KNOB },
      addedLines: ['ip route-static 192.0.2.0 255.255.255.0 NULL0 description KNOB'],
      changedAt: new Date('2026-03-05T10:00:00Z'),
    });
    expect(summaries('huawei_vrp', before, after)).toEqual([
      'global: ip route-static 192.0.2.0 255.255.255.0 NULL0 description K… added',
      `interface ${port}: description changed`,
    ]);
  });

  it('reads undo as the negation of the same setting', () => {
    const after = before.replace(`interface ${port}\n undo shutdown\n`, `interface ${port}\n shutdown\n`);
    expect(after).not.toBe(before);
    expect(summaries('huawei_vrp', before, after)).toEqual([`interface ${port}: shutdown (was undo shutdown)`]);
  });

  it('keeps nested aaa blocks inside aaa', () => {
    const after = before.replace(' local-user auditor level 1', ' local-user auditor level 2').replace('  authentication-mode hwtacacs local', '  authentication-mode local');
    expect(summaries('huawei_vrp', before, after)).toEqual([
      'aaa: local-user auditor level changed, authentication-scheme TAC authentication-mode local added, authentication-scheme TAC authentication-mode hwtacacs local removed',
    ]);
  });
});

describe('section diff: other platforms', () => {
  it('compares line by line when the platform has no known structure', () => {
    const before = '127.0.0.1 localhost\n10.0.0.1 router\n';
    const after = '127.0.0.1 localhost\n10.0.0.2 router\n';
    expect(summaries('linux', before, after)).toEqual(['configuration: 10.0.0.2 router added, 10.0.0.1 router removed']);
  });

  it('summarises many sections in one line', () => {
    const changes = diffSections('a 1\n', 'a 2\n', 'linux');
    expect(summariseSectionChanges(changes)).toBe('configuration: a changed');
    expect(summariseSectionChanges([])).toBe('no significant change');
  });
});
