import { type DynamicModule, Module } from '@nestjs/common';
import { mountDomains, type NetkeepConfig, type NetkeepDomain } from '@netkeep/core';
import { inventoryDomain } from '@netkeep/inventory';

/** Embedded mode: every domain in one process. Mounting a domain is one line here. */
export const PLATFORM_DOMAINS: NetkeepDomain[] = [
  inventoryDomain,
];

@Module({})
export class PlatformModule {
  static register(config: NetkeepConfig): DynamicModule {
    return { module: PlatformModule, imports: mountDomains(config, PLATFORM_DOMAINS) };
  }
}
