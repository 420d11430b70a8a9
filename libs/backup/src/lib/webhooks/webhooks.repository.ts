import type { WebhookEvent } from '@netkeep/contracts';
import { DATABASE } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely, Updateable } from 'kysely';
import type { BackupRunsTables, BackupWebhookRow, BackupWebhooksTable } from '../backup-runs.tables';

/** Subscriptions are read for every outcome; the API that changes them runs in the same process as the consumer. */
const SUBSCRIPTIONS_CACHE_MS = 5_000;

/** backup_webhooks; secrets are sealed before they reach this class. */
@Injectable()
export class WebhooksRepository {
  private enabled?: { rows: Promise<BackupWebhookRow[]>; until: number };

  constructor(@Inject(DATABASE) private readonly db: Kysely<BackupRunsTables>) {}

  async insert(row: BackupWebhooksTable): Promise<void> {
    this.enabled = undefined;
    await this.db.insertInto('backup_webhooks').values(row).execute();
  }

  find(id: string): Promise<BackupWebhookRow | undefined> {
    return this.db.selectFrom('backup_webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  list(): Promise<BackupWebhookRow[]> {
    return this.db.selectFrom('backup_webhooks').selectAll().orderBy('created_at').orderBy('id').execute();
  }

  async update(id: string, changes: Updateable<BackupWebhooksTable>): Promise<void> {
    this.enabled = undefined;
    await this.db.updateTable('backup_webhooks').set(changes).where('id', '=', id).execute();
  }

  async remove(id: string): Promise<boolean> {
    this.enabled = undefined;
    const result = await this.db.deleteFrom('backup_webhooks').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Enabled webhooks listening for `event`. */
  async subscribed(event: WebhookEvent): Promise<BackupWebhookRow[]> {
    if (!this.enabled || this.enabled.until < Date.now()) {
      const rows = this.db.selectFrom('backup_webhooks').selectAll().where('enabled', '=', 1).execute();
      this.enabled = { rows, until: Date.now() + SUBSCRIPTIONS_CACHE_MS };
      rows.catch(() => (this.enabled = undefined));
    }
    return (await this.enabled.rows).filter((row) => eventsOf(row).includes(event));
  }
}

export function eventsOf(row: Pick<BackupWebhookRow, 'events'>): WebhookEvent[] {
  return JSON.parse(row.events) as WebhookEvent[];
}
