import { aristaEos } from './drivers/arista-eos.driver';
import { ciscoIos } from './drivers/cisco-ios.driver';
import { ciscoNxos } from './drivers/cisco-nxos.driver';
import { ciscoXe } from './drivers/cisco-xe.driver';
import { ciscoXr } from './drivers/cisco-xr.driver';
import { huaweiVrp } from './drivers/huawei-vrp.driver';
import { juniperJunos } from './drivers/juniper-junos.driver';
import { linux } from './drivers/linux.driver';
import { mikrotikRouteros } from './drivers/mikrotik-routeros.driver';
import type { PlatformDefinition } from './platform-definition';
import { UnknownPlatformError } from './unknown-platform.error';

/** Every platform netkeep can talk to. A new platform is one driver file, listed here. */
export const PLATFORMS: readonly PlatformDefinition[] = [
  ciscoIos,
  ciscoXe,
  ciscoNxos,
  ciscoXr,
  aristaEos,
  juniperJunos,
  mikrotikRouteros,
  huaweiVrp,
  linux,
];

function lookupKey(nameOrAlias: string): string {
  return nameOrAlias.trim().toLowerCase();
}

/** Names and aliases, lower case, to their platform; a name claimed twice is a programming error. */
export function indexPlatformNames(platforms: readonly PlatformDefinition[]): ReadonlyMap<string, PlatformDefinition> {
  const byName = new Map<string, PlatformDefinition>();
  for (const platform of platforms) {
    for (const name of [platform.name, ...platform.aliases]) {
      const key = lookupKey(name);
      const holder = byName.get(key);
      if (holder) throw new Error(`platform name "${name}" is claimed by both ${holder.name} and ${platform.name}`);
      byName.set(key, platform);
    }
  }
  return byName;
}

const BY_NAME = indexPlatformNames(PLATFORMS);

/** The platform with this name or alias, case-insensitive. */
export function findPlatform(nameOrAlias: string): PlatformDefinition | undefined {
  return BY_NAME.get(lookupKey(nameOrAlias));
}

export function requirePlatform(nameOrAlias: string): PlatformDefinition {
  const platform = findPlatform(nameOrAlias);
  if (!platform) throw new UnknownPlatformError(nameOrAlias, PLATFORMS.map((known) => known.name));
  return platform;
}
