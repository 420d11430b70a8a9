import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { composeProperty, presence, type FieldPresence } from '../validation/field-presence';
import { IsSingleLine } from '../validation/plain-text';
import { IsSafeName } from '../validation/safe-name';
import { DeviceSelectorDto } from './device-selector.dto';

/** One decorator set per policy field, shared by create and PATCH. */
const PolicyField = {
  name: (mode: FieldPresence) =>
    composeProperty(ApiProperty({ required: mode === 'required', example: 'core-nightly', maxLength: 128 }), presence(mode), IsString(), IsSafeName()),
  cron: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ required: mode === 'required', example: '0 2 * * *', description: 'Cron expression: 5 fields, or 6 with seconds first.' }),
      presence(mode),
      IsString(),
      MaxLength(128),
      IsSingleLine(),
    ),
  timezone: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ required: false, default: 'UTC', example: 'Europe/Berlin', description: 'IANA time zone the cron expression is read in.' }),
      presence(mode),
      IsString(),
      MaxLength(64),
    ),
  selector: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ type: DeviceSelectorDto, required: false, description: 'Which devices; {} is every enabled device.' }),
      presence(mode),
      IsObject(),
      ValidateNested(),
      Type(() => DeviceSelectorDto),
    ),
  enabled: (mode: FieldPresence) => composeProperty(ApiProperty({ required: false, default: true }), presence(mode), IsBoolean()),
};

/** POST /api/v1/backup-policies. */
export class CreateBackupPolicyDto {
  @PolicyField.name('required') name!: string;
  @PolicyField.cron('required') cron!: string;
  @PolicyField.timezone('optional') timezone?: string;
  @PolicyField.selector('optional') selector?: DeviceSelectorDto;
  @PolicyField.enabled('optional') enabled?: boolean;
}

/** PATCH /api/v1/backup-policies/:id: absent fields are left as they are. */
export class UpdateBackupPolicyDto {
  @PolicyField.name('optional') name?: string;
  @PolicyField.cron('optional') cron?: string;
  @PolicyField.timezone('optional') timezone?: string;
  @PolicyField.selector('optional') selector?: DeviceSelectorDto;
  @PolicyField.enabled('optional') enabled?: boolean;
}

export class BackupPolicyDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() cron!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ type: DeviceSelectorDto }) selector!: DeviceSelectorDto;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When the schedule fires next (enabled policies).' }) nextRunAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class BackupPolicyListDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [BackupPolicyDto] }) results!: BackupPolicyDto[];
}
