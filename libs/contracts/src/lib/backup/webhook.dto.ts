import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { composeProperty, presence, type FieldPresence } from '../validation/field-presence';
import { IsSingleLine } from '../validation/plain-text';

export const WEBHOOK_EVENTS = ['config.changed', 'backup.failed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_SECRET_MIN_LENGTH = 16;

const WebhookField = {
  url: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ required: mode === 'required', example: 'https://hooks.example.net/netkeep' }),
      presence(mode),
      IsString(),
      MaxLength(2048),
      IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http:// or https:// URL' }),
    ),
  secret: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ required: mode === 'required', writeOnly: true, minLength: WEBHOOK_SECRET_MIN_LENGTH, description: 'Signs each delivery (HMAC-SHA256); stored encrypted, never returned.' }),
      presence(mode),
      IsString(),
      MinLength(WEBHOOK_SECRET_MIN_LENGTH, { message: `secret must be at least ${WEBHOOK_SECRET_MIN_LENGTH} characters` }),
      MaxLength(512),
      IsSingleLine(),
    ),
  events: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ required: false, enum: WEBHOOK_EVENTS, isArray: true, default: ['config.changed'] }),
      presence(mode),
      IsArray(),
      ArrayMinSize(1, { message: 'events must name at least one event' }),
      ArrayUnique(),
      IsIn(WEBHOOK_EVENTS, { each: true, message: `each event must be one of ${WEBHOOK_EVENTS.join(', ')}` }),
    ),
  enabled: (mode: FieldPresence) => composeProperty(ApiProperty({ required: false, default: true }), presence(mode), IsBoolean()),
  description: (mode: FieldPresence) =>
    composeProperty(ApiPropertyOptional({ type: String, maxLength: 200, nullable: true }), presence(mode), IsString(), MaxLength(200), IsSingleLine()),
};

/** POST /api/v1/webhooks. */
export class CreateWebhookDto {
  @WebhookField.url('required') url!: string;
  @WebhookField.secret('required') secret!: string;
  @WebhookField.events('optional') events?: WebhookEvent[];
  @WebhookField.enabled('optional') enabled?: boolean;
  @WebhookField.description('nullable') description?: string | null;
}

/** PATCH /api/v1/webhooks/:id. */
export class UpdateWebhookDto {
  @WebhookField.url('optional') url?: string;
  @WebhookField.secret('optional') secret?: string;
  @WebhookField.events('optional') events?: WebhookEvent[];
  @WebhookField.enabled('optional') enabled?: boolean;
  @WebhookField.description('nullable') description?: string | null;
}

/** A webhook as every endpoint returns it: never its secret. */
export class WebhookDto {
  @ApiProperty() id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events!: WebhookEvent[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class WebhookListDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [WebhookDto] }) results!: WebhookDto[];
}

/** The JSON body of a delivery; signed in `X-Netkeep-Signature: sha256=<hex>`. */
export interface WebhookPayload {
  event: WebhookEvent;
  /** Unique per delivery; the same across its retries (also in `X-Netkeep-Delivery`). */
  deliveryId: string;
  occurredAt: string;
  device: { id: string; name: string };
  run: { id: string; trigger: string };
  /** config.changed: the new version. */
  version?: { id: string; revision: number; commit: string; previousId: string | null; author: string };
  /** config.changed: one line naming what changed. */
  summary?: string | null;
  /** config.changed: a unified diff from the previous version (empty for a device's first version). */
  diff?: string;
  /** backup.failed: where and why. */
  error?: { phase: string; message: string; attempts: number };
}

