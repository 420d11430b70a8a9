import { LabConfigError } from './lab-errors';
import { LAB_PLATFORMS, type LabPlatform } from './persona';

/** The short platform name in device names (`lab-ios-0001`). */
export const PLATFORM_SHORT_NAMES: Readonly<Record<LabPlatform, string>> = {
  cisco_ios: 'ios',
  cisco_xe: 'xe',
  cisco_nxos: 'nxos',
  cisco_xr: 'xr',
  arista_eos: 'eos',
  juniper_junos: 'junos',
  mikrotik_routeros: 'ros',
  huawei_vrp: 'vrp',
  linux: 'linux',
};

export function isLabPlatform(value: string): value is LabPlatform {
  return (LAB_PLATFORMS as readonly string[]).includes(value);
}

/** Parses `cisco_ios,juniper_junos` into platforms, rejecting unknown names. */
export function parsePlatformList(list: string): LabPlatform[] {
  const names = list.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !isLabPlatform(name));
  if (unknown.length > 0) {
    throw new LabConfigError(`unknown platform(s) ${unknown.join(', ')}; known: ${LAB_PLATFORMS.join(', ')}`);
  }
  if (names.length === 0) throw new LabConfigError('the platform list is empty');
  return names as LabPlatform[];
}
