import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { interfaceCounters, personaFor, type LabDeviceIdentity, type LabPlatform } from '@netkeep/device-lab';
import { describe, expect, it } from 'vitest';
import type { InterfaceSample } from '../device-sample';
import { interfaceCommandFor } from './interface-commands';

const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const parse = (platform: string, output: string): InterfaceSample[] => {
  const command = interfaceCommandFor(platform);
  if (!command) throw new Error(`no interface command for ${platform}`);
  return command.parse(output);
};
const named = (samples: InterfaceSample[], name: string): InterfaceSample => {
  const found = samples.find((sample) => sample.descr === name);
  if (!found) throw new Error(`no ${name} in ${samples.map((sample) => sample.descr).join(', ')}`);
  return found;
};

describe('Cisco IOS show interfaces', () => {
  const samples = parse('cisco_ios', fixture('cisco_ios.show-interfaces.txt'));

  it('reads every interface with counters, under the names IOS\'s agent gives as ifName', () => {
    expect(samples.map((sample) => sample.name)).toEqual(['Vl1', 'Gi1/0/1', 'Gi1/0/2', 'Gi1/0/3', 'Te1/1/1', 'Po1', 'Lo0']);
  });

  it('reads octets, errors and the queue drops SNMP reports as discards', () => {
    expect(named(samples, 'GigabitEthernet1/0/1')).toEqual({
      name: 'Gi1/0/1', descr: 'GigabitEthernet1/0/1', alias: 'AP-2F-EAST', adminStatus: 'up', operStatus: 'up', speedMbps: 1000,
      counterBits: 64, inOctets: 2911236480335n, outOctets: 8812209114482n, inErrors: 7n, outErrors: 0n, inDiscards: 12n, outDiscards: 48213n,
      inPackets: 3395815123n, outPackets: 6741218815n,
    });
  });

  it('tells a link that is down from a port that is shut', () => {
    expect(named(samples, 'GigabitEthernet1/0/2')).toMatchObject({ adminStatus: 'up', operStatus: 'down', speedMbps: 10, inOctets: 198273645n });
    expect(named(samples, 'GigabitEthernet1/0/3')).toMatchObject({ adminStatus: 'down', operStatus: 'down', alias: '' });
  });

  it('keeps counters past 2^32 exact and takes the speed from the negotiated rate, else from BW', () => {
    expect(named(samples, 'TenGigabitEthernet1/1/1')).toMatchObject({ speedMbps: 10_000, inOctets: 1029384756473829n, outOctets: 605040302010101n });
    expect(named(samples, 'Loopback0')).toMatchObject({ speedMbps: 8000, inOctets: 0n });
  });
});

describe('Arista EOS show interfaces', () => {
  const samples = parse('arista_eos', fixture('arista_eos.show-interfaces.txt'));

  it('reads the interfaces that print counters (an SVI prints none)', () => {
    expect(samples.map((sample) => sample.name)).toEqual(['Ethernet1', 'Ethernet2', 'Ethernet3', 'Management1']);
  });

  it('reads a 100G port\'s counters exactly, past 2^53, with EOS\'s own discard lines', () => {
    expect(named(samples, 'Ethernet1')).toEqual({
      name: 'Ethernet1', descr: 'Ethernet1', alias: 'leaf1-to-spine1 Ethernet1/1', adminStatus: 'up', operStatus: 'up', speedMbps: 100_000,
      counterBits: 64, inOctets: 38123750283728193n, outOctets: 22918340556730042n, inErrors: 0n, outErrors: 0n, inDiscards: 3n, outDiscards: 117n,
      inPackets: 3712893041127n, outPackets: 2239948820110n,
    });
  });

  it('tells notconnect from disabled, and reads 1Gb/s as 1000 Mb/s', () => {
    expect(named(samples, 'Ethernet2')).toMatchObject({ adminStatus: 'up', operStatus: 'down', inErrors: 2n });
    expect(named(samples, 'Ethernet3')).toMatchObject({ adminStatus: 'down', operStatus: 'down' });
    expect(named(samples, 'Management1')).toMatchObject({ speedMbps: 1000, inOctets: 2199382745n });
  });
});

describe('Junos show interfaces extensive', () => {
  const samples = parse('juniper_junos', fixture('juniper_junos.show-interfaces-extensive.txt'));

  it('reads physical interfaces only, with their SNMP ifIndex', () => {
    expect(samples.map((sample) => [sample.name, sample.ifIndex])).toEqual([['ge-0/0/0', 526], ['ge-0/0/1', 527], ['xe-0/0/2', 528]]);
  });

  it('takes the physical traffic statistics, not the IPv6 transit or logical-unit ones', () => {
    expect(named(samples, 'ge-0/0/0')).toEqual({
      ifIndex: 526, name: 'ge-0/0/0', descr: 'ge-0/0/0', alias: 'to-core-1 ge-1/0/3', adminStatus: 'up', operStatus: 'up', speedMbps: 1000,
      counterBits: 64, inOctets: 918273645541n, outOctets: 502938475610n, inErrors: 3n, outErrors: 0n, inDiscards: 17n, outDiscards: 2n,
      inPackets: 1203948576n, outPackets: 829384756n,
    });
  });

  it('tells a down link from a disabled port', () => {
    expect(named(samples, 'ge-0/0/1')).toMatchObject({ adminStatus: 'up', operStatus: 'down', alias: '', inOctets: 7281934n });
    expect(named(samples, 'xe-0/0/2')).toMatchObject({ adminStatus: 'down', operStatus: 'down', speedMbps: 10_000 });
  });
});

describe('lab recordings', () => {
  // The instant and device the fixtures were recorded at, one link flapped down 90 s before.
  const BOOTED_AT = new Date('2026-02-10T21:40:21Z');
  const NOW = new Date('2026-11-27T01:45:26.123Z');
  const recordings: [LabPlatform, number, string, string][] = [
    ['cisco_ios', 0, 'lab-cisco_ios.show-interfaces.txt', 'GigabitEthernet1/0/2'],
    ['arista_eos', 4, 'lab-arista_eos.show-interfaces.txt', 'Ethernet2'],
    ['juniper_junos', 5, 'lab-juniper_junos.show-interfaces-extensive.txt', 'xe-0/1/1'],
  ];

  it.each(recordings)('%s: the parsed counters are the lab model\'s at that instant', (platform, index, file, flapped) => {
    const short = platform.split('_').pop();
    const device: LabDeviceIdentity = { name: `lab-${short}-${String(index + 1).padStart(4, '0')}`, platform, index, address: '127.20.0.1', bootedAt: BOOTED_AT };
    const downAt = new Date(NOW.getTime() - 90_000);
    const state = { links: { [flapped]: { downSince: downAt, downMs: 0, changedAt: downAt, transitions: 1 } } };
    const links = personaFor(platform).interfaces?.(device) ?? [];
    const samples = parse(platform, fixture(file));
    expect(samples).toHaveLength(links.length);
    for (const link of links) {
      const c = interfaceCounters({ device, state, now: NOW }, link);
      expect(named(samples, link.name)).toMatchObject({
        alias: link.description, speedMbps: link.speedMbps, adminStatus: link.adminUp ? 'up' : 'down', operStatus: c.operUp ? 'up' : 'down',
        inOctets: c.inOctets, outOctets: c.outOctets, inErrors: BigInt(c.inErrors), inDiscards: BigInt(c.inDrops), outDiscards: BigInt(c.outDrops),
      });
    }
    expect(named(samples, flapped)).toMatchObject({ adminStatus: 'up', operStatus: 'down' });
  });
});
