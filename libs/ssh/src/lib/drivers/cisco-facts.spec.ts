import { describe, expect, it } from 'vitest';
import { ciscoUptime, inventoryChassis, parseCiscoInventory } from './cisco-facts';

describe('ciscoUptime', () => {
  it('reads the hostname and uptime of IOS', () => {
    expect(ciscoUptime('r1 uptime is 1 day, 2 minutes\n')).toEqual({ hostname: 'r1', uptimeSeconds: 86_520 });
  });

  it.each(['System', 'Kernel'])('does not take %j for a hostname', (word) => {
    expect(ciscoUptime(`${word} uptime is 5 minutes`)).toEqual({ hostname: undefined, uptimeSeconds: 300 });
  });

  it('finds nothing in other output', () => expect(ciscoUptime('% Invalid input detected')).toEqual({}));
});

describe('show inventory', () => {
  const inventory = [
    'NAME: "1", DESCR: "WS-C3750X-48P"',
    'PID: WS-C3750X-48P-S  , VID: V02  , SN: FDO1625R0AB',
    '',
    'NAME: "Switch 1 - Power Supply 0", DESCR: "FRU Power Supply"',
    'PID: C3KX-PWR-715WAC  , VID: V02  , SN: LIT16250ABC',
    '',
    'NAME: "GigabitEthernet1/1/1", DESCR: "1000BaseSX SFP"',
    'PID:                  , VID:      , SN: ',
  ].join('\n');

  it('parses every item, blank fields included', () => {
    expect(parseCiscoInventory(inventory)).toEqual([
      { name: '1', description: 'WS-C3750X-48P', pid: 'WS-C3750X-48P-S', serial: 'FDO1625R0AB' },
      { name: 'Switch 1 - Power Supply 0', description: 'FRU Power Supply', pid: 'C3KX-PWR-715WAC', serial: 'LIT16250ABC' },
      { name: 'GigabitEthernet1/1/1', description: '1000BaseSX SFP', pid: '', serial: '' },
    ]);
  });

  it('falls back to the first item with a serial when none is the chassis', () => expect(inventoryChassis(inventory)?.serial).toBe('FDO1625R0AB'));

  it('prefers the chassis wherever it is listed', () => {
    const withChassis = `${inventory}\n\nNAME: "Chassis", DESCR: "Cisco ISR4331 Chassis"\nPID: ISR4331/K9, VID: V04, SN: FDO2233M0AB\n`;
    expect(inventoryChassis(withChassis)).toEqual({ name: 'Chassis', description: 'Cisco ISR4331 Chassis', pid: 'ISR4331/K9', serial: 'FDO2233M0AB' });
  });

  it('finds no chassis in an empty inventory', () => expect(inventoryChassis('')).toBeUndefined());
});

describe('inventoryChassis', () => {
  it('prefers an item named as the chassis over one that only mentions it', () => {
    const inventory = [
      'NAME: "Power Supply 1",  DESCR: "Nexus9000 C93180YC-EX chassis Power Supply"',
      'PID: NXA-PAC-650W-PI     ,  VID: V01 ,  SN: ART2148F1XY',
      '',
      'NAME: "Chassis",  DESCR: "Nexus9000 C93180YC-EX chassis"',
      'PID: N9K-C93180YC-EX     ,  VID: V03 ,  SN: FDO21120U5D',
    ].join('\n');
    expect(inventoryChassis(inventory)?.pid).toBe('N9K-C93180YC-EX');
  });
});
