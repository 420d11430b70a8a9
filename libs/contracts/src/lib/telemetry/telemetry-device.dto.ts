import { ApiProperty } from '@nestjs/swagger';
import { TelemetrySettingsView } from './telemetry-settings.dto';

export const POLL_SOURCES = ['snmp', 'cli'] as const;
export type PollSource = (typeof POLL_SOURCES)[number];

/** Why a poll failed, in words a person can act on: each kind points at something else to check. */
export const POLL_ERROR_KINDS = ['timeout', 'auth', 'settings', 'unsupported', 'connection', 'inventory', 'other'] as const;
export type PollErrorKind = (typeof POLL_ERROR_KINDS)[number];

/** Why a counter (or a whole device) has no rate for the last interval. */
export const RATE_GAPS = ['first-sample', 'reboot', 'counter-reset', 'implausible', 'ambiguous-wrap', 'no-interval', 'not-comparable'] as const;
export type RateGapName = (typeof RATE_GAPS)[number];

export const INTERFACE_STATUSES = ['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'] as const;
export type InterfaceStatusName = (typeof INTERFACE_STATUSES)[number];

export class PollErrorView {
  @ApiProperty({ enum: POLL_ERROR_KINDS }) kind!: PollErrorKind;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

/** How polling a device goes. */
export class PollStatusView {
  @ApiProperty({ description: 'The last poll answered.' }) up!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastPollAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSuccessAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Duration of the last poll.' }) durationMs!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: POLL_SOURCES, description: 'How the last poll read the device.' }) source!: PollSource | null;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ description: 'Polls counted in the last hour or more (counts age out with the device\'s state).' }) polls!: number;
  @ApiProperty({ description: 'Failed polls, counted like polls.' }) errors!: number;
  @ApiProperty({ type: PollErrorView, nullable: true, description: 'The last failure, kept after later successes.' }) lastError!: PollErrorView | null;
}

/** GET /api/v1/telemetry/devices: one device's poll status. */
export class TelemetryDeviceSummaryDto {
  @ApiProperty({ description: 'The inventory id.' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() platform!: string;
  @ApiProperty({ type: TelemetrySettingsView }) settings!: TelemetrySettingsView;
  @ApiProperty({ type: PollStatusView }) poll!: PollStatusView;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the next scheduled poll is due; null when none is scheduled.' })
  nextPollAt!: string | null;
}

export class TelemetryDeviceListDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [TelemetryDeviceSummaryDto] }) results!: TelemetryDeviceSummaryDto[];
}

/** Raw counters as the device gave them, exact: decimal strings, because 64-bit counters pass 2^53. */
export class InterfaceCountersView {
  @ApiProperty({ example: '9007199254740993' }) inOctets!: string;
  @ApiProperty() outOctets!: string;
  @ApiProperty({ type: String, nullable: true }) inPackets!: string | null;
  @ApiProperty({ type: String, nullable: true }) outPackets!: string | null;
  @ApiProperty() inErrors!: string;
  @ApiProperty() outErrors!: string;
  @ApiProperty() inDiscards!: string;
  @ApiProperty() outDiscards!: string;
}

/** Rates over the last poll interval; null where the interval has none (see rateGap). */
export class InterfaceRatesView {
  @ApiProperty({ type: Number, nullable: true }) inBitsPerSecond!: number | null;
  @ApiProperty({ type: Number, nullable: true }) outBitsPerSecond!: number | null;
  @ApiProperty({ type: Number, nullable: true }) inPacketsPerSecond!: number | null;
  @ApiProperty({ type: Number, nullable: true }) outPacketsPerSecond!: number | null;
  @ApiProperty({ type: Number, nullable: true }) inErrorsPerSecond!: number | null;
  @ApiProperty({ type: Number, nullable: true }) outErrorsPerSecond!: number | null;
  @ApiProperty({ type: Number, nullable: true }) inDiscardsPerSecond!: number | null;
  @ApiProperty({ type: Number, nullable: true }) outDiscardsPerSecond!: number | null;
}

export class InterfaceStateView {
  @ApiProperty({ description: 'ifName: the key of the interface in /metrics and in the history route.' }) name!: string;
  @ApiProperty({ type: Number, nullable: true }) ifIndex!: number | null;
  @ApiProperty({ description: 'ifDescr.' }) descr!: string;
  @ApiProperty({ description: 'ifAlias: the description configured on the device.' }) alias!: string;
  @ApiProperty({ enum: INTERFACE_STATUSES }) adminStatus!: InterfaceStatusName;
  @ApiProperty({ enum: INTERFACE_STATUSES }) operStatus!: InterfaceStatusName;
  @ApiProperty({ description: '0 when the device does not say.' }) speedMbps!: number;
  @ApiProperty({ enum: [32, 64], description: 'Width of the octet counters.' }) counterBits!: 32 | 64;
  @ApiProperty({ type: InterfaceCountersView }) counters!: InterfaceCountersView;
  @ApiProperty({ type: InterfaceRatesView }) rates!: InterfaceRatesView;
  @ApiProperty({ type: String, nullable: true, enum: RATE_GAPS, description: 'Why the octet rates are missing, if they are.' }) rateGap!: RateGapName | null;
}

export class MemoryView {
  @ApiProperty() usedBytes!: number;
  @ApiProperty() totalBytes!: number;
}

/** GET /api/v1/telemetry/devices/:id: the poll status and the device as the last good poll saw it. */
export class TelemetryDeviceStateDto extends TelemetryDeviceSummaryDto {
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the last good sample was taken; null before the first.' })
  sampledAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) sysName!: string | null;
  @ApiProperty({ type: String, nullable: true }) sysDescr!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Device uptime (sysUpTime; the CLI\'s uptime for CLI polls).' }) uptimeSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) cpuPercent!: number | null;
  @ApiProperty({ type: MemoryView, nullable: true }) memory!: MemoryView | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Seconds of device time the rates cover.' }) rateIntervalSeconds!: number | null;
  @ApiProperty({ type: String, nullable: true, enum: RATE_GAPS, description: 'Why no interface has rates (a reboot, the first sample).' }) rateGap!: RateGapName | null;
  @ApiProperty({ type: [InterfaceStateView] }) interfaces!: InterfaceStateView[];
}

/** One poll of one interface. */
export class InterfaceHistoryPointView extends InterfaceRatesView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: INTERFACE_STATUSES }) operStatus!: InterfaceStatusName;
}

/** GET /api/v1/telemetry/devices/:id/interfaces/:ifName/history: the last hour at poll resolution, oldest first. */
export class InterfaceHistoryDto {
  @ApiProperty() deviceId!: string;
  @ApiProperty() device!: string;
  @ApiProperty() interface!: string;
  @ApiProperty({ description: 'How far back history is kept (NETKEEP_TELEMETRY_HISTORY_SECONDS).' }) windowSeconds!: number;
  @ApiProperty({ type: [InterfaceHistoryPointView] }) points!: InterfaceHistoryPointView[];
}

/** POST /api/v1/telemetry/devices/:id/poll: the poll is queued; its outcome shows in the device's status. */
export class PollRequestedDto {
  @ApiProperty() deviceId!: string;
  @ApiProperty() jobId!: string;
}
