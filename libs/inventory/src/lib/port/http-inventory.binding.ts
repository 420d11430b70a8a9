import { CONFIG, type NetkeepConfig } from '@netkeep/core';
import { HttpInventoryClient } from './http-inventory.client';

/**
 * How a cluster service binds INVENTORY_PORT: the inventory service at NETKEEP_INVENTORY_URL,
 * called with the service token. A Nest factory provider, for `createBackupDomain` and
 * `createTelemetryDomain` alike.
 */
export const INVENTORY_OVER_HTTP = {
  useFactory: (config: NetkeepConfig) => new HttpInventoryClient({ baseUrl: config.inventoryUrl, serviceToken: config.serviceToken }),
  inject: [CONFIG],
};
