import { DATABASE, runMigrations, type NetkeepDatabase } from '@netkeep/core';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { backupRunsMigrations } from './backup-runs.migrations';

/**
 * Runs the domain's second migration set (runs, policies, status, webhooks) before any
 * service starts. A NetkeepDomain carries one set, and that is the archive's; once core takes
 * a list, `backupRunsMigrations` moves there and this class goes.
 */
@Injectable()
export class BackupRunsSchema implements OnModuleInit {
  constructor(@Inject(DATABASE) private readonly db: NetkeepDatabase) {}

  async onModuleInit(): Promise<void> {
    await runMigrations(this.db, [backupRunsMigrations]);
  }
}
