import 'reflect-metadata';
import { runNetkeepProcess } from '@netkeep/core';
import { INVENTORY_OVER_HTTP } from '@netkeep/inventory';
import { TelemetryServiceModule } from './telemetry-service.module';

void runNetkeepProcess({
  mode: 'service',
  title: 'netkeep telemetry',
  module: (config) => TelemetryServiceModule.register(config, { inventory: INVENTORY_OVER_HTTP }),
});
