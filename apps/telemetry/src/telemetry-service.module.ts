import { type DynamicModule, Module } from '@nestjs/common';
import { mountDomains, type NetkeepConfig } from '@netkeep/core';
import type { InventoryPortBinding } from '@netkeep/contracts';
import { createTelemetryDomain, type TelemetryModuleOptions } from '@netkeep/telemetry';

export interface TelemetryServiceOptions {
  /**
   * How this service reaches the inventory service: an InventoryPort over HTTP with the
   * service token (the device list and GET /api/v1/internal/devices/:id/connection).
   */
  inventory: InventoryPortBinding;
  /** Overrides of the NETKEEP_TELEMETRY_* configuration (specs). */
  config?: TelemetryModuleOptions['config'];
  env?: TelemetryModuleOptions['env'];
}

/**
 * Cluster mode: the telemetry service alone. One Deployment serves the API, the schedules and
 * the fleet's /metrics (NETKEEP_TELEMETRY_ROLE=api); pollers scale out as another Deployment of
 * the same image with NETKEEP_TELEMETRY_ROLE=poller. `all` runs both in one pod. Every replica
 * is stateless: samples, rates, history and poll status live in Redis.
 */
@Module({})
export class TelemetryServiceModule {
  static register(config: NetkeepConfig, options: TelemetryServiceOptions): DynamicModule {
    const telemetry = createTelemetryDomain({ inventory: options.inventory, config: options.config, env: options.env });
    return { module: TelemetryServiceModule, imports: mountDomains(config, [telemetry]) };
  }
}
