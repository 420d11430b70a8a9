import 'reflect-metadata';
import { runNetkeepProcess } from '@netkeep/core';
import { ConfigBackupServiceModule } from './config-backup-service.module';
import { INVENTORY_OVER_HTTP } from '@netkeep/inventory';

/**
 * A backup worker replica: SSH workers only (no API routes, no archive), against the same
 * Redis and database as the API pod. Scale this Deployment out; /healthz, /readyz and
 * /metrics still answer for the probes and Prometheus.
 */
process.env['NETKEEP_BACKUP_ROLE'] = 'worker';

void runNetkeepProcess({
  mode: 'service',
  title: 'netkeep config-backup worker',
  module: (config) => ConfigBackupServiceModule.register(config, { inventory: INVENTORY_OVER_HTTP }),
});
