import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import type { NetkeepConfig } from './config/netkeep-config';
import { CoreModule, type CoreModuleOptions } from './core.module';
import type { MigrationSet } from './database/migration-set';

/** A domain lib as an app mounts it: its Nest module and its migrations. */
export interface NetkeepDomain {
  module: Type<unknown> | DynamicModule | ForwardReference;
  /** Each set keeps its own history; a domain may own several (archive index, run records). */
  migrations?: MigrationSet | readonly MigrationSet[];
}

/** An app module's imports: CoreModule with every domain's migrations, then the domains' modules. */
export function mountDomains(
  config: NetkeepConfig,
  domains: readonly NetkeepDomain[],
  options: Omit<CoreModuleOptions, 'config' | 'migrations'> = {},
): Array<Type<unknown> | DynamicModule | ForwardReference> {
  const migrations = domains.flatMap((domain) => (domain.migrations === undefined ? [] : ([] as MigrationSet[]).concat(domain.migrations)));
  return [CoreModule.forRoot({ ...options, config, migrations }), ...domains.map((domain) => domain.module)];
}
