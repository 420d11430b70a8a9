import { describe, expect, it } from 'vitest';
import type { PlatformDefinition } from './platform-definition';
import { findPlatform, indexPlatformNames, PLATFORMS, requirePlatform } from './platform-registry';
import { UnknownPlatformError } from './unknown-platform.error';

const EXPECTED_NAMES: Record<string, string[]> = {
  cisco_ios: ['ios', 'cisco.ios.ios', 'cisco_ios_ssh'],
  cisco_xe: ['iosxe', 'ios-xe', 'cisco_iosxe'],
  cisco_nxos: ['nxos', 'cisco.nxos.nxos'],
  cisco_xr: ['iosxr', 'cisco.iosxr.iosxr'],
  arista_eos: ['eos', 'arista.eos.eos'],
  juniper_junos: ['junos', 'juniper.junos.junos', 'junipernetworks.junos.junos'],
  mikrotik_routeros: ['routeros', 'mikrotik', 'community.routeros.routeros'],
  huawei_vrp: ['vrp', 'huawei'],
  linux: ['linuxgeneric'],
};

describe('platform registry', () => {
  it('lists the platforms the device lab simulates', () => {
    expect(PLATFORMS.map((platform) => platform.name)).toEqual(Object.keys(EXPECTED_NAMES));
  });

  it.each(Object.entries(EXPECTED_NAMES).flatMap(([name, aliases]) => [name, ...aliases].map((alias) => [alias, name])))(
    'finds %s as %s',
    (alias, name) => expect(findPlatform(alias)?.name).toBe(name),
  );

  it('maps every name and alias to exactly one platform', () => {
    const names = PLATFORMS.flatMap((platform) => [platform.name, ...platform.aliases].map((name) => name.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
    for (const platform of PLATFORMS) {
      for (const name of [platform.name, ...platform.aliases]) expect(findPlatform(name), name).toBe(platform);
    }
  });

  it('ignores case and surrounding blanks', () => {
    expect(findPlatform(' Cisco_IOS ')?.name).toBe('cisco_ios');
    expect(findPlatform('JUNOS')?.name).toBe('juniper_junos');
  });

  it('finds nothing for an unknown name', () => expect(findPlatform('fortios')).toBeUndefined());

  it('names the known platforms when a required one is unknown', () => {
    expect(() => requirePlatform('fortios')).toThrow(UnknownPlatformError);
    expect(() => requirePlatform('fortios')).toThrow(
      'unknown platform "fortios"; known platforms: cisco_ios, cisco_xe, cisco_nxos, cisco_xr, arista_eos, juniper_junos, mikrotik_routeros, huawei_vrp, linux',
    );
  });

  it('returns the platform a required name designates', () => expect(requirePlatform('eos')).toBe(findPlatform('arista_eos')));

  it('refuses a name two platforms claim', () => {
    const [ios, xe] = PLATFORMS;
    const clash: PlatformDefinition = { ...xe, aliases: [...xe.aliases, 'IOS'] };
    expect(() => indexPlatformNames([ios, clash])).toThrow('platform name "IOS" is claimed by both cisco_ios and cisco_xe');
  });
});
