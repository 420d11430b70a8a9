import { findPlatform } from '@netkeep/ssh';

/** The canonical platform name for a name or alias (`ios` → `cisco_ios`); unknown names lower-cased as given. */
export function canonicalPlatform(nameOrAlias: string): string {
  return findPlatform(nameOrAlias)?.name ?? nameOrAlias.trim().toLowerCase();
}
