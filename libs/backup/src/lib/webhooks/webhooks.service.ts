import type { CreateWebhookDto, UpdateWebhookDto, WebhookDto } from '@netkeep/contracts';
import { Clock, NotFoundError, SecretBox } from '@netkeep/core';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { BackupWebhookRow } from '../backup-runs.tables';
import { eventsOf, WebhooksRepository } from './webhooks.repository';

/** Webhook subscriptions; the secret is sealed at rest and never leaves this service. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly secretBox: SecretBox,
    private readonly clock: Clock,
  ) {}

  async create(body: CreateWebhookDto): Promise<WebhookDto> {
    const now = this.clock.now().toISOString();
    const row = {
      id: randomUUID(),
      url: body.url,
      secret_sealed: this.secretBox.seal(body.secret),
      events: JSON.stringify(body.events ?? ['config.changed']),
      enabled: body.enabled === false ? 0 : 1,
      description: body.description ?? null,
      created_at: now,
      updated_at: now,
    };
    await this.webhooks.insert(row);
    return toDto(row);
  }

  async list(): Promise<WebhookDto[]> {
    return (await this.webhooks.list()).map(toDto);
  }

  async get(id: string): Promise<WebhookDto> {
    return toDto(await this.require(id));
  }

  async update(id: string, body: UpdateWebhookDto): Promise<WebhookDto> {
    await this.require(id);
    await this.webhooks.update(id, {
      ...(body.url !== undefined ? { url: body.url } : {}),
      ...(body.secret !== undefined ? { secret_sealed: this.secretBox.seal(body.secret) } : {}),
      ...(body.events !== undefined ? { events: JSON.stringify(body.events) } : {}),
      ...(body.enabled !== undefined ? { enabled: body.enabled ? 1 : 0 } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      updated_at: this.clock.now().toISOString(),
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.webhooks.remove(id))) throw new NotFoundError(`webhook ${id} does not exist`);
  }

  /** URL and opened secret, for a delivery; undefined when the webhook is gone or disabled. */
  async target(id: string): Promise<{ url: string; secret: string } | undefined> {
    const row = await this.webhooks.find(id);
    if (!row || row.enabled !== 1) return undefined;
    return { url: row.url, secret: this.secretBox.open(row.secret_sealed) };
  }

  private async require(id: string): Promise<BackupWebhookRow> {
    const row = await this.webhooks.find(id);
    if (!row) throw new NotFoundError(`webhook ${id} does not exist`);
    return row;
  }
}

function toDto(row: BackupWebhookRow): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    events: eventsOf(row),
    enabled: row.enabled === 1,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
