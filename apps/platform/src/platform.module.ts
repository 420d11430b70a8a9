import { type DynamicModule, Module } from '@nestjs/common';
import { createBackupDomain } from '@netkeep/backup';
import { mountDomains, type NetkeepConfig, type NetkeepDomain } from '@netkeep/core';
import { InProcessInventoryPort, InventoryModule, inventoryDomain } from '@netkeep/inventory';
import { createTelemetryDomain } from '@netkeep/telemetry';

/** The other domains reach the inventory in-process: the same port a cluster service calls over HTTP. */
const inventoryInProcess = { imports: [InventoryModule], useExisting: InProcessInventoryPort };

/** The OpenAPI document's title. */
export const PLATFORM_TITLE = 'netkeep platform';

/** Embedded mode: every domain in one process. Mounting a domain is one line here. */
export const platformDomains = (): NetkeepDomain[] => [
  inventoryDomain,
  createBackupDomain({ inventory: inventoryInProcess }),
  createTelemetryDomain({ inventory: inventoryInProcess }),
];

@Module({})
export class PlatformModule {
  static register(config: NetkeepConfig): DynamicModule {
    return { module: PlatformModule, imports: mountDomains(config, platformDomains()) };
  }
}
