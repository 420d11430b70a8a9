import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { composeProperty, presence } from '../validation/field-presence';

/** How a device is polled: `auto` is SNMP when the inventory has SNMP settings for it, the CLI otherwise. */
export const TELEMETRY_SOURCE_SETTINGS = ['auto', 'snmp', 'cli'] as const;
export type TelemetrySourceSetting = (typeof TELEMETRY_SOURCE_SETTINGS)[number];

export const MIN_POLL_INTERVAL_SECONDS = 1;
export const MAX_POLL_INTERVAL_SECONDS = 86_400;

/**
 * PUT /api/v1/telemetry/devices/:id/settings: the whole of a device's telemetry settings. An
 * absent field takes its default (interval NETKEEP_TELEMETRY_INTERVAL_SECONDS, enabled, auto);
 * `intervalSeconds: null` goes back to the default interval.
 */
export class TelemetrySettingsDto {
  @composeProperty(
    ApiProperty({
      type: Number,
      nullable: true,
      required: false,
      minimum: MIN_POLL_INTERVAL_SECONDS,
      maximum: MAX_POLL_INTERVAL_SECONDS,
      example: 60,
      description: 'Seconds between polls; null or absent: the default (NETKEEP_TELEMETRY_INTERVAL_SECONDS).',
    }),
    presence('nullable'),
    IsInt({ message: 'intervalSeconds must be a whole number of seconds' }),
    Min(MIN_POLL_INTERVAL_SECONDS),
    Max(MAX_POLL_INTERVAL_SECONDS),
  )
  intervalSeconds?: number | null;

  @composeProperty(ApiProperty({ required: false, default: true, description: 'false stops scheduled polls of this device.' }), presence('optional'), IsBoolean())
  enabled?: boolean;

  @composeProperty(
    ApiProperty({ enum: TELEMETRY_SOURCE_SETTINGS, required: false, default: 'auto' }),
    presence('optional'),
    IsIn(TELEMETRY_SOURCE_SETTINGS, { message: `source must be one of ${TELEMETRY_SOURCE_SETTINGS.join(', ')}` }),
  )
  source?: TelemetrySourceSetting;
}

/** A device's telemetry settings as they apply now. */
export class TelemetrySettingsView {
  @ApiProperty({ description: 'Seconds between polls, the default or the device\'s own.' }) intervalSeconds!: number;
  @ApiProperty({ description: 'Whether intervalSeconds is the default (no interval of its own).' }) defaultInterval!: boolean;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ enum: TELEMETRY_SOURCE_SETTINGS }) source!: TelemetrySourceSetting;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'null: never set, every field is the default.' }) updatedAt!: string | null;
}
