import { INVENTORY_PORT, type InventoryPortBinding } from '@netkeep/contracts';
import { Clock, CONFIG, DATABASE, DatabaseHostKeyStore, LOGGER, QueueModule, type NetkeepConfig, type NetkeepDatabase, type NetkeepDomain, type NetkeepLogger } from '@netkeep/core';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { join } from 'node:path';
import { ConfigArchive } from './archive/config-archive';
import { backupMigrations } from './backup.migrations';
import { backupRunsMigrations } from './backup-runs.migrations';
import { BACKUP_SETTINGS } from './backup.constants';
import { loadBackupSettings, type BackupSettings } from './backup.config';
import { ArchiveConsumer } from './jobs/archive-consumer';
import { BackupQueues } from './jobs/backup-queues';
import { DeviceBackupWorker } from './jobs/device-backup.worker';
import { DeviceConfigFetcher } from './jobs/device-config-fetcher';
import { OutcomeRecords } from './jobs/outcome-records';
import { LocalOutcomeDelivery, OutcomeDelivery, QueuedOutcomeDelivery } from './jobs/outcome-delivery';
import { RunningMarks } from './jobs/running-marks';
import { BackupMetrics } from './metrics/backup-metrics';
import { BackupPoliciesController } from './policies/backup-policies.controller';
import { BackupPoliciesRepository } from './policies/backup-policies.repository';
import { BackupPoliciesService } from './policies/backup-policies.service';
import { PolicySchedules } from './policies/policy-schedules';
import { BackupRunsController } from './runs/backup-runs.controller';
import { BackupRunsRepository } from './runs/backup-runs.repository';
import { BackupRunsService } from './runs/backup-runs.service';
import { RunCompletion } from './runs/run-completion';
import { RunSupervisor } from './runs/run-supervisor';
import { DeviceStatusController } from './status/device-status.controller';
import { DeviceStatusRepository } from './status/device-status.repository';
import { SyslogListener } from './syslog/syslog-listener';
import { ConfigsController } from './versions/configs.controller';
import { WebhookDeliveries } from './webhooks/webhook-deliveries';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksRepository } from './webhooks/webhooks.repository';
import { WebhooksService } from './webhooks/webhooks.service';



export interface BackupModuleOptions {
  inventory: InventoryPortBinding;
  /** Overrides of the settings read from the environment (specs, benchmarks). */
  settings?: Partial<BackupSettings>;
  /** Where the NETKEEP_BACKUP_* variables are read; default process.env. */
  env?: Record<string, string | undefined>;
}

/**
 * Configuration backup: policies and schedules, runs, SSH workers, the archive and its one
 * writer, device status, versions/diff/search, syslog-triggered backups, webhooks, metrics.
 * NETKEEP_BACKUP_ROLE chooses the parts: `worker` runs SSH workers only (no routes, no
 * archive), `api` everything but SSH workers, `all` both. Needs CoreModule.
 */
@Module({})
export class BackupModule {
  static register(options: BackupModuleOptions): DynamicModule {
    const settings: BackupSettings = { ...loadBackupSettings(options.env ?? process.env), ...options.settings };
    const serves = settings.role !== 'worker';
    const fetches = settings.role !== 'api';
    const { imports: bindingImports = [], ...binding } = options.inventory;
    const providers: Provider[] = [
      { provide: BACKUP_SETTINGS, useValue: settings },
      { provide: INVENTORY_PORT, ...binding } as Provider,
      BackupQueues,
      BackupRunsRepository,
      DeviceStatusRepository,
      BackupMetrics,
    ];
    if (fetches) {
      // The process that owns the archive records its own workers' outcomes without queueing them.
      providers.push({ provide: OutcomeDelivery, useClass: serves ? LocalOutcomeDelivery : QueuedOutcomeDelivery });
      providers.push(DeviceBackupWorker, RunningMarks, {
        provide: DeviceConfigFetcher,
        useFactory: (hostKeys: DatabaseHostKeyStore) => new DeviceConfigFetcher({ timeouts: settings.timeouts, maskSecrets: settings.maskSecrets, hostKeys }),
        inject: [DatabaseHostKeyStore],
      });
    }
    if (serves) {
      providers.push(
        {
          provide: ConfigArchive,
          useFactory: (config: NetkeepConfig, db: NetkeepDatabase, clock: Clock, logger: NetkeepLogger) =>
            new ConfigArchive({ repositoryDir: join(config.dataDir, 'configs.git'), db, clock, logger }),
          inject: [CONFIG, DATABASE, Clock, LOGGER],
        },
        ArchiveConsumer,
        OutcomeRecords,
        RunCompletion,
        BackupRunsService,
        RunSupervisor,
        BackupPoliciesRepository,
        BackupPoliciesService,
        PolicySchedules,
        SyslogListener,
        WebhooksRepository,
        WebhooksService,
        WebhookDeliveries,
      );
    }
    return {
      module: BackupModule,
      imports: [QueueModule, ...bindingImports],
      controllers: serves ? [BackupRunsController, BackupPoliciesController, DeviceStatusController, ConfigsController, WebhooksController] : [],
      providers,
      exports: serves ? [BackupRunsService, ConfigArchive, BACKUP_SETTINGS] : [BACKUP_SETTINGS],
    };
  }
}

/** What an app mounts: `mountDomains(config, [inventoryDomain, createBackupDomain({ inventory: … })])`. */
export function createBackupDomain(options: BackupModuleOptions): NetkeepDomain {
  return { module: BackupModule.register(options), migrations: [backupMigrations, backupRunsMigrations] };
}
