import 'reflect-metadata';
import { runNetkeepProcess } from '@netkeep/core';
import { ConfigBackupServiceModule } from './config-backup-service.module';
import { INVENTORY_OVER_HTTP } from '@netkeep/inventory';

void runNetkeepProcess({
  mode: 'service',
  title: 'netkeep config-backup',
  module: (config) => ConfigBackupServiceModule.register(config, { inventory: INVENTORY_OVER_HTTP }),
});
