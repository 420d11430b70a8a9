import { findPlatform, PLATFORMS } from '@netkeep/ssh';

/** The canonical platform name for a name or alias (cisco.ios.ios, ios, cisco_ios → cisco_ios). */
export function canonicalPlatform(nameOrAlias: string): string | undefined {
  return findPlatform(nameOrAlias)?.name;
}

export function unknownPlatformProblem(given: string): string {
  return `platform "${given}" is not known; use one of ${PLATFORMS.map((platform) => platform.name).join(', ')} (or an alias such as ios or cisco.ios.ios)`;
}
