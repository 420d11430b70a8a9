import { INVENTORY_PORT, type InventoryPortBinding } from '@netkeep/contracts';
import { QueueModule, type NetkeepDomain } from '@netkeep/core';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { TelemetryDevicesController } from './http/telemetry-devices.controller';
import { TelemetryDevicesService } from './http/telemetry-devices.service';
import { TelemetryMetrics } from './metrics/telemetry-metrics';
import { DeviceConnections } from './polling/device-connections';
import { DevicePollWorker } from './polling/device-poll.worker';
import { DevicePoller } from './polling/device-poller';
import { PollQueue } from './polling/poll-queue';
import { PollSchedules } from './polling/poll-schedules';
import { DeviceSettingsRepository } from './settings/device-settings.repository';
import { TelemetryStateStore } from './state/telemetry-state.store';
import { TELEMETRY_CONFIG } from './telemetry.constants';
import { loadTelemetryConfig, type TelemetryConfig } from './telemetry.config';
import { telemetryMigrations } from './telemetry.migrations';



export interface TelemetryModuleOptions {
  inventory: InventoryPortBinding;
  /** Overrides of the configuration read from the environment (specs, benchmarks). */
  config?: Partial<TelemetryConfig>;
  /** Where the NETKEEP_TELEMETRY_* variables are read; default process.env. */
  env?: Record<string, string | undefined>;
}

/**
 * Telemetry: per-device poll schedules on BullMQ, pollers (SNMP, else the CLI), state and
 * history in Redis, the REST API and the fleet on /metrics. NETKEEP_TELEMETRY_ROLE chooses
 * the parts: `poller` runs pollers only (no routes, no fleet metrics, no schedules), `api`
 * everything but pollers, `all` both. Needs CoreModule.
 */
@Module({})
export class TelemetryModule {
  static register(options: TelemetryModuleOptions): DynamicModule {
    const config: TelemetryConfig = { ...loadTelemetryConfig(options.env ?? process.env), ...options.config };
    const serves = config.role !== 'poller';
    const { imports: bindingImports = [], ...binding } = options.inventory;
    const providers: Provider[] = [
      { provide: TELEMETRY_CONFIG, useValue: config },
      { provide: INVENTORY_PORT, ...binding } as Provider,
      TelemetryStateStore,
      PollQueue,
      DeviceConnections,
      DevicePoller,
      DevicePollWorker,
    ];
    if (serves) providers.push(DeviceSettingsRepository, PollSchedules, TelemetryDevicesService, TelemetryMetrics);
    return {
      module: TelemetryModule,
      imports: [QueueModule, ...bindingImports],
      controllers: serves ? [TelemetryDevicesController] : [],
      providers,
      exports: serves ? [TELEMETRY_CONFIG, TelemetryDevicesService, PollSchedules] : [TELEMETRY_CONFIG],
    };
  }
}

/** What an app mounts: `mountDomains(config, [inventoryDomain, createTelemetryDomain({ inventory: … })])`. */
export function createTelemetryDomain(options: TelemetryModuleOptions): NetkeepDomain {
  return { module: TelemetryModule.register(options), migrations: telemetryMigrations };
}
