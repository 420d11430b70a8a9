import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, PageField } from '../inventory/page.dto';
import { queryList } from '../validation/query-values';
import { DeviceSelectorDto, MAX_SELECTED_IDS } from './device-selector.dto';

export const BACKUP_TRIGGERS = ['manual', 'schedule', 'syslog'] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

export const BACKUP_RESULT_STATUSES = ['queued', 'running', 'succeeded', 'unchanged', 'failed'] as const;
export type BackupResultStatus = (typeof BACKUP_RESULT_STATUSES)[number];

/** Where a backup failed: a session phase of libs/ssh, or a step around the session. */
export const BACKUP_FAILURE_PHASES = ['inventory', 'connect', 'host-key', 'auth', 'prompt', 'command', 'closed', 'archive', 'internal'] as const;
export type BackupFailurePhase = (typeof BACKUP_FAILURE_PHASES)[number];

/** POST /api/v1/backups: a selector (`{}` = every enabled device) or a list of device ids, not both. */
export class StartBackupRunDto {
  @ApiPropertyOptional({ type: DeviceSelectorDto, description: 'The inventory list filters; {} selects every enabled device.' })
  @IsOptional()
  // Without it a list of selectors passes nested validation and reads as {}: every enabled device.
  @IsObject()
  @ValidateNested()
  @Type(() => DeviceSelectorDto)
  selector?: DeviceSelectorDto;

  @ApiPropertyOptional({ type: [String], description: 'Exactly these devices (enabled ones).' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'deviceIds must name at least one device' })
  @ArrayMaxSize(MAX_SELECTED_IDS)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  deviceIds?: string[];
}

export class BackupRunProgressDto {
  @ApiProperty() total!: number;
  @ApiProperty() queued!: number;
  @ApiProperty() running!: number;
  @ApiProperty() succeeded!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() failed!: number;
}

/** One device's outcome in a run. */
export class BackupResultDto {
  @ApiProperty() deviceId!: string;
  @ApiProperty() deviceName!: string;
  @ApiProperty({ enum: BACKUP_RESULT_STATUSES }) status!: BackupResultStatus;
  @ApiPropertyOptional({ enum: BACKUP_FAILURE_PHASES, description: 'Where it failed.' }) phase?: BackupFailurePhase;
  @ApiPropertyOptional({ description: 'Why it failed.' }) error?: string;
  @ApiProperty({ description: 'Sessions tried so far.' }) attempts!: number;
  @ApiPropertyOptional({ description: 'The archived version (new or unchanged).' }) versionId?: string;
  @ApiPropertyOptional({ description: 'True when this run committed a new version.' }) changed?: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
}

export class BackupRunDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: BACKUP_TRIGGERS }) trigger!: BackupTrigger;
  @ApiProperty({ enum: ['running', 'finished'] }) status!: 'running' | 'finished';
  @ApiProperty({ type: String, nullable: true, description: 'The policy of a scheduled run.' }) policyId!: string | null;
  @ApiProperty({ type: Object, description: 'What was asked for: a selector or device ids.' }) selector!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'Who started it: a token name, a policy, or the syslog author.' }) requestedBy!: string | null;
  @ApiProperty({ type: BackupRunProgressDto }) progress!: BackupRunProgressDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
  @ApiPropertyOptional({ type: [BackupResultDto], description: 'Per-device results (GET of one run).' }) results?: BackupResultDto[];
}

export class BackupRunPageDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [BackupRunDto] }) results!: BackupRunDto[];
}

/** GET /api/v1/backups. */
export class BackupRunListQueryDto {
  @PageField.limit() limit: number = DEFAULT_PAGE_LIMIT;
  @PageField.offset() offset = 0;

  @ApiPropertyOptional({ enum: BACKUP_TRIGGERS })
  @IsOptional()
  @IsIn(BACKUP_TRIGGERS, { message: `trigger must be one of ${BACKUP_TRIGGERS.join(', ')}` })
  trigger?: BackupTrigger;
}

/** GET /api/v1/backups/:id. */
export class BackupRunQueryDto {
  @ApiPropertyOptional({ type: [String], enum: BACKUP_RESULT_STATUSES, description: 'Repeatable: only results in these statuses.' })
  @IsOptional()
  @Transform(queryList)
  @IsArray()
  @IsIn(BACKUP_RESULT_STATUSES, { each: true, message: `status must be one of ${BACKUP_RESULT_STATUSES.join(', ')}` })
  status?: BackupResultStatus[];
}
