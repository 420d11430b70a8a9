import { type DynamicModule, Module } from '@nestjs/common';
import { createBackupDomain, type BackupModuleOptions } from '@netkeep/backup';
import type { InventoryPortBinding } from '@netkeep/contracts';
import { mountDomains, type NetkeepConfig } from '@netkeep/core';

export interface ConfigBackupServiceOptions {
  /**
   * How this service reaches the inventory service: an InventoryPort over HTTP with the
   * service token (GET /api/v1/internal/devices/:id/connection and the device list).
   */
  inventory: InventoryPortBinding;
  /** Overrides of the NETKEEP_BACKUP_* settings (specs). */
  settings?: BackupModuleOptions['settings'];
  env?: BackupModuleOptions['env'];
}

/**
 * Cluster mode: the backup service alone, on PostgreSQL. One Deployment serves the API and
 * owns the archive (NETKEEP_BACKUP_ROLE=api, a ReadWriteOnce volume for the repository, one
 * replica); SSH workers scale out as another Deployment of the same image with
 * NETKEEP_BACKUP_ROLE=worker (src/worker.ts). `all` runs both in one pod.
 */
@Module({})
export class ConfigBackupServiceModule {
  static register(config: NetkeepConfig, options: ConfigBackupServiceOptions): DynamicModule {
    const backup = createBackupDomain({ inventory: options.inventory, settings: options.settings, env: options.env });
    return { module: ConfigBackupServiceModule, imports: mountDomains(config, [backup]) };
  }
}
