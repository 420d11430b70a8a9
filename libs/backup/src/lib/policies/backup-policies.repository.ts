import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely, Updateable } from 'kysely';
import type { BackupPoliciesTable, BackupPolicyRow, BackupRunsTables } from '../backup-runs.tables';

@Injectable()
export class BackupPoliciesRepository {
  constructor(@Inject(DATABASE) private readonly db: Kysely<BackupRunsTables>) {}

  async insert(row: BackupPoliciesTable): Promise<void> {
    await this.db.insertInto('backup_policies').values(row).execute();
  }

  find(id: string): Promise<BackupPolicyRow | undefined> {
    return this.db.selectFrom('backup_policies').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByName(name: string): Promise<BackupPolicyRow | undefined> {
    return this.db.selectFrom('backup_policies').selectAll().where('name_key', '=', name.toLowerCase()).executeTakeFirst();
  }

  list(): Promise<BackupPolicyRow[]> {
    return this.db.selectFrom('backup_policies').selectAll().orderBy('name_key').execute();
  }

  async update(id: string, changes: Updateable<BackupPoliciesTable>): Promise<void> {
    await this.db.updateTable('backup_policies').set(changes).where('id', '=', id).execute();
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('backup_policies').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
