import { type DynamicModule, Module } from '@nestjs/common';
import { mountDomains, type NetkeepConfig, type NetkeepDomain } from '@netkeep/core';
import { inventoryDomain } from '@netkeep/inventory';

/** Cluster mode: the inventory service alone, on PostgreSQL. */
export const INVENTORY_SERVICE_DOMAINS: NetkeepDomain[] = [
  inventoryDomain,
];

@Module({})
export class InventoryServiceModule {
  static register(config: NetkeepConfig): DynamicModule {
    return { module: InventoryServiceModule, imports: mountDomains(config, INVENTORY_SERVICE_DOMAINS) };
  }
}
