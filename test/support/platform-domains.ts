import { createBackupDomain, type BackupSettings } from '@netkeep/backup';
import type { NetkeepDomain } from '@netkeep/core';
import { InProcessInventoryPort, InventoryModule, inventoryDomain } from '@netkeep/inventory';
import { createTelemetryDomain, type TelemetryConfig } from '@netkeep/telemetry';

const inventoryInProcess = { imports: [InventoryModule], useExisting: InProcessInventoryPort };

export interface PlatformDomainOptions {
  backup?: Partial<BackupSettings>;
  telemetry?: Partial<TelemetryConfig>;
}

/**
 * The embedded platform's domains, composed as apps/platform composes them (a test may not
 * import an app), with the defaults of an empty environment. The secret-leak suite checks that
 * the bundled platform serves the same operations.
 */
export const platformDomains = (options: PlatformDomainOptions = {}): NetkeepDomain[] => [
  inventoryDomain,
  createBackupDomain({ inventory: inventoryInProcess, settings: options.backup, env: {} }),
  createTelemetryDomain({ inventory: inventoryInProcess, config: options.telemetry, env: {} }),
];
