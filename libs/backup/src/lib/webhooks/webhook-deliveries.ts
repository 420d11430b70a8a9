import type { WebhookEvent, WebhookPayload } from '@netkeep/contracts';
import { Clock, LOGGER, QueueConnections, type NetkeepLogger } from '@netkeep/core';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { BACKUP_SETTINGS, WEBHOOKS_QUEUE } from '../backup.constants';
import type { BackupSettings } from '../backup.config';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhookBody } from './webhook-signature';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';

interface DeliveryJob {
  webhookId: string;
  payload: WebhookPayload;
}

export type WebhookEventBody = Omit<WebhookPayload, 'event' | 'deliveryId' | 'occurredAt'>;

const DELIVERY_CONCURRENCY = 8;

/**
 * Backup events to webhooks: one delivery job per subscribed webhook, its id derived from the
 * event's key so an event reported twice is delivered once; retried with exponential backoff
 * until the receiver answers 2xx.
 */
@Injectable()
export class WebhookDeliveries implements OnApplicationBootstrap {
  private readonly queue: Queue<DeliveryJob>;

  constructor(
    private readonly connections: QueueConnections,
    private readonly webhooks: WebhooksRepository,
    private readonly service: WebhooksService,
    private readonly clock: Clock,
    @Inject(BACKUP_SETTINGS) private readonly settings: BackupSettings,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {
    this.queue = connections.queue<DeliveryJob>(WEBHOOKS_QUEUE);
  }

  onApplicationBootstrap(): void {
    this.connections.worker<DeliveryJob, number | 'dropped'>(WEBHOOKS_QUEUE, (job) => this.deliver(job), { concurrency: DELIVERY_CONCURRENCY });
  }

  /**
   * Queues `event` for every webhook that wants it. `key` names the event (a version id, a run
   * and device); `body` is built only when someone listens (a diff is not free).
   */
  async publish(event: WebhookEvent, key: string, body: () => Promise<WebhookEventBody>): Promise<number> {
    const targets = await this.webhooks.subscribed(event);
    if (targets.length === 0) return 0;
    const payload = await body();
    const occurredAt = this.clock.now().toISOString();
    await this.queue.addBulk(
      targets.map((webhook) => {
        const deliveryId = `${event}.${key}.${webhook.id}`;
        return {
          name: event,
          data: { webhookId: webhook.id, payload: { event, deliveryId, occurredAt, ...payload } },
          opts: {
            jobId: deliveryId,
            attempts: this.settings.webhookAttempts,
            backoff: { type: 'exponential', delay: this.settings.webhookBackoffMs },
            removeOnComplete: { age: 24 * 3600, count: 1_000 },
            removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
          },
        };
      }),
    );
    return targets.length;
  }

  private async deliver(job: Job<DeliveryJob>): Promise<number | 'dropped'> {
    const target = await this.service.target(job.data.webhookId);
    if (!target) return 'dropped';
    const body = JSON.stringify(job.data.payload);
    let response: Response;
    try {
      response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'netkeep-webhooks',
          [EVENT_HEADER]: job.data.payload.event,
          [DELIVERY_HEADER]: job.data.payload.deliveryId,
          [SIGNATURE_HEADER]: signWebhookBody(body, target.secret),
        },
        body,
        signal: AbortSignal.timeout(this.settings.webhookTimeoutMs),
        redirect: 'manual',
      });
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      this.reportFailure(job, target.url, `no answer: ${(error as Error).message}`);
      throw new Error(`webhook at ${originOf(target.url)} did not answer: ${(error as Error).message}`);
    }
    if (response.status < 200 || response.status >= 300) {
      this.reportFailure(job, target.url, `HTTP ${response.status}`);
      throw new Error(`webhook at ${originOf(target.url)} answered HTTP ${response.status}`);
    }
    return response.status;
  }

  private reportFailure(job: Job<DeliveryJob>, url: string, why: string): void {
    const attempt = job.attemptsMade + 1;
    const final = attempt >= (job.opts.attempts ?? 1);
    this.logger.warn(
      { webhookId: job.data.webhookId, deliveryId: job.data.payload.deliveryId, attempt, final },
      `webhook delivery to ${originOf(url)} failed (${why}); ${final ? 'giving up' : 'will retry'}`,
    );
  }
}

/** Webhook URLs often carry a token in their path (chat services): logs get the origin only. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}
