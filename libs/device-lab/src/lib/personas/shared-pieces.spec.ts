import { describe, expect, it } from 'vitest';
import { LAB_PLATFORMS } from '../persona';
import { ciscoUptime, compactUptime, ctime, daysUptime, junosAgo } from './clock-format';
import { PERSONAS, personaFor } from './index';
import { broadcastOf, netmask, networkOf, wildcard } from './ipv4';
import { displaySet, block, leaf, renderHierarchy, secretLeaf } from './junos-hierarchy';
import { networkPlan } from './network-plan';
import { quoteRouterOs, renderExport, param } from './routeros-export';
import { ciscoType7, sha512Crypt } from './secret-formats';
import { SeededRandom } from './seeded-random';
import { labDevice } from './persona-contract.testkit';

const TYPE7_KEY = 'dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87';
const decodeType7 = (encoded: string): string => {
  const salt = Number(encoded.slice(0, 2));
  const bytes = encoded.slice(2).match(/../g) ?? [];
  return bytes.map((hex, i) => String.fromCharCode(parseInt(hex, 16) ^ TYPE7_KEY.charCodeAt((salt + i) % TYPE7_KEY.length))).join('');
};

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs across seeds', () => {
    const draw = (seed: string) => Array.from({ length: 5 }, ((rng) => () => rng.int(0, 1_000_000))(new SeededRandom(seed)));
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('keeps forked streams independent of draws elsewhere', () => {
    const one = new SeededRandom('device');
    const two = new SeededRandom('device');
    two.int(0, 9);
    expect(one.fork('users').chars(12)).toBe(two.fork('users').chars(12));
  });
});

describe('network plan', () => {
  const ports = Array.from({ length: 24 }, (_, i) => `Gi0/${i}`);

  it('derives the same plan from the same device and a different one from another', () => {
    expect(networkPlan(labDevice('cisco_ios', 4), ports)).toEqual(networkPlan(labDevice('cisco_ios', 4), ports));
    expect(networkPlan(labDevice('cisco_ios', 5), ports).loopback).not.toEqual(networkPlan(labDevice('cisco_ios', 4), ports).loopback);
  });

  it('puts the uplinks last, with /31 addresses facing their peers', () => {
    const plan = networkPlan(labDevice('cisco_ios'), ports, 2);
    const uplinks = plan.ports.filter((p) => p.role === 'uplink');
    expect(uplinks.map((p) => p.name)).toEqual(['Gi0/22', 'Gi0/23']);
    for (const p of uplinks) expect(networkOf(p.address ?? { address: '', prefixLength: 0 }).address).toBe(p.peer?.address);
  });

  it('never uses the lab listening address on an interface', () => {
    expect(networkPlan(labDevice('cisco_ios'), ports).management.address).not.toMatch(/^127\./);
  });
});

describe('formats', () => {
  it('encodes Cisco type 7 reversibly', () => {
    expect(decodeType7('0822455D0A16')).toBe('cisco');
    const rng = new SeededRandom('t7');
    expect(decodeType7(ciscoType7('S3cret-key.9', rng))).toBe('S3cret-key.9');
  });

  it('shapes sha512crypt hashes like crypt(3)', () => {
    expect(sha512Crypt(new SeededRandom('h'))).toMatch(/^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
  });

  it('prints uptimes the ways vendors do', () => {
    const seconds = ((2 * 7 + 3) * 24 + 4) * 3600 + 5 * 60 + 6;
    expect(ciscoUptime(seconds)).toBe('2 weeks, 3 days, 4 hours, 5 minutes');
    expect(ciscoUptime(60)).toBe('1 minute');
    expect(compactUptime(seconds)).toBe('2w3d4h5m6s');
    expect(daysUptime(seconds)).toBe('17 days, 4 hours, 5 minutes');
    expect(junosAgo(seconds)).toBe('2w3d 04:05');
    expect(junosAgo(3723)).toBe('01:02:03');
    expect(ctime(new Date(Date.UTC(2026, 10, 27, 1, 45, 26)))).toBe('Fri Nov 27 01:45:26 2026');
  });

  it('does IPv4 mask arithmetic', () => {
    expect(netmask(24)).toBe('255.255.255.0');
    expect(wildcard(31)).toBe('0.0.0.1');
    expect(networkOf({ address: '10.1.2.77', prefixLength: 26 }).address).toBe('10.1.2.64');
    expect(broadcastOf({ address: '10.1.2.77', prefixLength: 26 })).toBe('10.1.2.127');
  });

  it('renders Junos hierarchy and its set view', () => {
    const lines = renderHierarchy([block('system', [leaf('host-name r1'), block('root-authentication', [secretLeaf('encrypted-password "$6$x"')])]),
      leaf('protocols')]);
    expect(lines).toEqual(['system {', '    host-name r1;', '    root-authentication {', '        encrypted-password "$6$x"; ## SECRET-DATA', '    }', '}', 'protocols;']);
    expect(displaySet([...lines, 'x {', '    members [ a b ];', '}'])).toEqual([
      'set system host-name r1', 'set system root-authentication encrypted-password "$6$x"', 'set protocols', 'set x members a', 'set x members b',
    ]);
  });

  it('exports RouterOS items sorted, quoted, wrapped and with sensitive values hidden', () => {
    const sections = [{ path: '/ppp secret', items: [{ command: 'add', params: [param('service', 'l2tp'), param('password', 'p4ss', true),
      param('name', 'a long name that needs quotes'), param('profile', 'default-encryption'), param('comment', 'x'.repeat(30))] }] }];
    expect(renderExport(sections, { showSensitive: false, terse: true })).toEqual([
      `/ppp secret add comment=${'x'.repeat(30)} name="a long name that needs quotes" profile=default-encryption service=l2tp`,
    ]);
    const wrapped = renderExport(sections, { showSensitive: true, terse: false });
    expect(wrapped[1]).toMatch(/ \\$/);
    expect(wrapped[2]).toMatch(/^ {4}/);
    expect(wrapped.join('\n')).toContain('password=p4ss');
    expect(quoteRouterOs('a$b')).toBe('"a\\$b"');
  });
});

describe('persona registry', () => {
  it('has one persona per lab platform, each claiming its platform', () => {
    for (const platform of LAB_PLATFORMS) {
      expect(personaFor(platform)).toBe(PERSONAS[platform]);
      expect(PERSONAS[platform].platform).toBe(platform);
    }
    expect(Object.keys(PERSONAS).sort()).toEqual([...LAB_PLATFORMS].sort());
  });
});
