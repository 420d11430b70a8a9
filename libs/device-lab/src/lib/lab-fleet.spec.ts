import { describe, expect, it } from 'vitest';
import { LabClock } from './lab-clock';
import { LabConfigError, UnknownDeviceError } from './lab-errors';
import { LabFleet } from './lab-fleet';
import { tinyPersona } from './testing/tiny-persona';

const personaFor = () => tinyPersona;

describe('LabFleet', () => {
  it('names devices by platform short name and fleet number, round-robin over the platforms', () => {
    const fleet = new LabFleet({ devices: 4, personaFor, platforms: ['cisco_ios', 'juniper_junos'] });
    expect(fleet.list().map((device) => [device.identity.name, device.identity.platform])).toEqual([
      ['lab-ios-0001', 'cisco_ios'],
      ['lab-junos-0002', 'juniper_junos'],
      ['lab-ios-0003', 'cisco_ios'],
      ['lab-junos-0004', 'juniper_junos'],
    ]);
  });

  it('uses every platform by default', () => {
    const fleet = new LabFleet({ devices: 9, personaFor });
    expect(fleet.list().map((device) => device.identity.name.split('-')[1])).toEqual([
      'ios', 'xe', 'nxos', 'xr', 'eos', 'junos', 'ros', 'vrp', 'linux',
    ]);
  });

  it('builds identical devices from identical options, different ones from another seed', () => {
    const describe = (seed?: string) =>
      new LabFleet({ devices: 3, personaFor, seed }).list().map(({ identity, credentials }) => ({ identity, credentials }));
    expect(describe()).toEqual(describe());
    expect(describe('other')[0].credentials.password).not.toBe(describe()[0].credentials.password);
    const [first, second] = describe();
    expect(first.credentials).toMatchObject({ username: 'netkeep', enableSecret: 'enable-0' });
    expect(first.credentials.password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(second.credentials.password).not.toBe(first.credentials.password);
    expect(first.identity.bootedAt.getTime()).toBeLessThan(Date.UTC(2025, 0, 1));
  });

  it('takes one username and password for every device when given', () => {
    const fleet = new LabFleet({ devices: 2, personaFor, username: 'admin', password: 'secret' });
    expect(fleet.list().map((device) => device.credentials.password)).toEqual(['secret', 'secret']);
    expect(fleet.device('lab-xe-0002').credentials.username).toBe('admin');
  });

  it('changes the configuration with the knob, stamped with the lab clock', () => {
    const clock = new LabClock();
    clock.set(new Date('2025-03-01T10:00:00Z'));
    const fleet = new LabFleet({ devices: 1, personaFor, clock });
    fleet.changeConfig('lab-ios-0001', { addLines: ['logging host 192.0.2.9'], by: 'bob' });
    const config = fleet.changeConfig('lab-ios-0001', { descriptions: { 'GigabitEthernet0/2': 'to printer' } });
    expect(fleet.device('lab-ios-0001').state).toEqual({
      addedLines: ['logging host 192.0.2.9'],
      descriptions: { 'GigabitEthernet0/2': 'to printer' },
      changedAt: new Date('2025-03-01T10:00:00Z'),
      changedBy: 'netkeep',
    });
    expect(config.text).toContain('logging host 192.0.2.9\nend');
    expect(config).toEqual(fleet.renderedConfig('lab-ios-0001'));
  });

  it('keeps faults per device without duplicates and refuses unknown ones', () => {
    const fleet = new LabFleet({ devices: 2, personaFor });
    fleet.setFaults('lab-ios-0001', ['slow-trickle', 'slow-trickle', 'auth-fail']);
    expect(fleet.device('lab-ios-0001').faults).toEqual(['slow-trickle', 'auth-fail']);
    expect(fleet.device('lab-xe-0002').faults).toEqual([]);
    expect(() => fleet.setFaults('lab-ios-0001', ['melt' as never])).toThrow(LabConfigError);
  });

  it('rotates host keys per device', async () => {
    const fleet = new LabFleet({ devices: 2, personaFor });
    const before = await fleet.hostKeyFingerprint('lab-ios-0001');
    const other = await fleet.hostKeyFingerprint('lab-xe-0002');
    fleet.rotateHostKey('lab-ios-0001');
    expect(await fleet.hostKeyFingerprint('lab-ios-0001')).not.toBe(before);
    expect(await fleet.hostKeyFingerprint('lab-xe-0002')).toBe(other);
    expect(await new LabFleet({ devices: 1, personaFor }).hostKeyFingerprint('lab-ios-0001')).toBe(before);
  });

  it('counts open sessions per device', () => {
    const fleet = new LabFleet({ devices: 2, personaFor });
    fleet.sessionOpened('lab-ios-0001');
    fleet.sessionOpened('lab-ios-0001');
    fleet.sessionOpened('lab-xe-0002');
    fleet.sessionClosed('lab-ios-0001');
    expect(fleet.openSessions()).toBe(2);
    fleet.sessionClosed('lab-xe-0002');
    expect(fleet.openSessionsByDevice()).toEqual({ 'lab-ios-0001': 1 });
  });

  it('refuses unknown devices and impossible fleets', () => {
    const fleet = new LabFleet({ devices: 1, personaFor });
    expect(() => fleet.device('lab-ios-0002')).toThrow(UnknownDeviceError);
    expect(() => new LabFleet({ devices: 0, personaFor })).toThrow(/positive integer/);
    expect(() => new LabFleet({ devices: 2, personaFor, platforms: [] })).toThrow(/platform list is empty/);
    expect(() => new LabFleet({ devices: 2, personaFor, faults: { counts: { 'auth-fail': 3 } } })).toThrow(
      /3 faulty devices requested, but the fleet has 2/,
    );
  });
});
