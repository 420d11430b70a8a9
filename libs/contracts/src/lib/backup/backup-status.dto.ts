import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, PageField } from '../inventory/page.dto';
import { queryBoolean } from '../validation/query-values';
import { BACKUP_FAILURE_PHASES, type BackupFailurePhase } from './backup-run.dto';

export class BackupErrorDto {
  @ApiProperty({ enum: BACKUP_FAILURE_PHASES }) phase!: BackupFailurePhase;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() runId!: string;
}

/** A device's backup state: when it was last tried, last backed up, and the last error. */
export class DeviceBackupStatusDto {
  @ApiProperty() deviceId!: string;
  @ApiProperty() deviceName!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['succeeded', 'unchanged', 'failed'] }) lastOutcome!: 'succeeded' | 'unchanged' | 'failed' | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSuccessAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the configuration last changed.' }) lastChangeAt!: string | null;
  @ApiProperty({ type: BackupErrorDto, nullable: true, description: 'The last failure, kept after later successes.' }) lastError!: BackupErrorDto | null;
  @ApiProperty({ type: String, nullable: true }) lastRunId!: string | null;
  @ApiProperty({ type: String, nullable: true }) latestVersionId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The SSH crypto profile the device needed.' }) cryptoProfile!: string | null;
}

export class DeviceBackupStatusPageDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [DeviceBackupStatusDto] }) results!: DeviceBackupStatusDto[];
}

/** GET /api/v1/backup-status. */
export class BackupStatusListQueryDto {
  @PageField.limit() limit: number = DEFAULT_PAGE_LIMIT;
  @PageField.offset() offset = 0;

  @ApiPropertyOptional({ description: 'Only devices whose last attempt failed (true) or did not (false).' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'failing must be true or false' })
  failing?: boolean;
}
