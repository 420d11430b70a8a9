import { QueueModule, type NetkeepDomain } from '@netkeep/core';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CredentialsController } from './credentials/credentials.controller';
import { CredentialsRepository } from './credentials/credentials.repository';
import { CredentialsService } from './credentials/credentials.service';
import { DevicesController } from './devices/devices.controller';
import { DevicesRepository } from './devices/devices.repository';
import { DevicesService } from './devices/devices.service';
import { DeviceExportController } from './exports/device-export.controller';
import { DeviceExportService } from './exports/device-export.service';
import { DeviceHostKeysController } from './host-keys/device-host-keys.controller';
import { DeviceHostKeysService } from './host-keys/device-host-keys.service';
import { DeviceImportController } from './imports/device-import.controller';
import { DeviceImportService } from './imports/device-import.service';
import { registerImportBodyParsers } from './imports/import-body-parsers';
import { inventoryMigrations } from './inventory.migrations';
import { DeviceConnectionService } from './internal/device-connection.service';
import { InternalDevicesController } from './internal/internal-devices.controller';
import { InProcessInventoryPort } from './port/in-process-inventory.port';
import { SitesController } from './sites/sites.controller';
import { SitesRepository } from './sites/sites.repository';
import { SitesService } from './sites/sites.service';
import { InventoryChanges } from './shared/inventory-changes';
import { InventoryStore } from './store/inventory-store';

/**
 * The source of truth for devices: devices, sites, credentials, imports and exports under
 * /api/v1, and the internal connection endpoint for netkeep's services. Needs CoreModule.
 */
@Module({
  imports: [QueueModule],
  // Import and export before DevicesController, so their static paths read first in the route list.
  controllers: [DeviceImportController, DeviceExportController, DevicesController, DeviceHostKeysController, SitesController, CredentialsController, InternalDevicesController],
  providers: [
    DevicesRepository,
    SitesRepository,
    CredentialsRepository,
    InventoryStore,
    DevicesService,
    SitesService,
    CredentialsService,
    DeviceImportService,
    DeviceExportService,
    DeviceConnectionService,
    DeviceHostKeysService,
    InProcessInventoryPort,
    InventoryChanges,
  ],
  // Other domains reach the inventory through this port only (bound by the app, never imported by a domain).
  exports: [InProcessInventoryPort],
})
export class InventoryModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (fastify?.addContentTypeParser) registerImportBodyParsers(fastify);
  }
}

/** What an app mounts: `mountDomains(config, [inventoryDomain, …])`. */
export const inventoryDomain: NetkeepDomain = { module: InventoryModule, migrations: inventoryMigrations };
