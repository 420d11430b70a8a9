import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { queryBoolean } from '../validation/query-values';

export const DEVICE_IMPORT_FORMATS = ['csv', 'ansible', 'nornir', 'lab'] as const;
export type DeviceImportFormat = (typeof DEVICE_IMPORT_FORMATS)[number];

/** Query of POST /api/v1/devices/import; the file itself is the request body. */
export class DeviceImportQueryDto {
  @ApiProperty({ enum: DEVICE_IMPORT_FORMATS })
  @IsIn(DEVICE_IMPORT_FORMATS, { message: `format must be one of ${DEVICE_IMPORT_FORMATS.join(', ')}` })
  format!: DeviceImportFormat;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Validate and report what would change, write nothing.' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

/** One field of one imported device that cannot be stored. */
export class ImportProblemDto {
  @ApiProperty({ description: 'CSV: the line number; YAML/JSON formats: the 1-based position of the host.' }) row!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Device name in that row, when it has one.' }) name!: string | null;
  @ApiProperty({ description: 'netkeep field (host, platform, snmp.community …), or "row" for the whole row.' }) field!: string;
  @ApiProperty({ type: [String] }) problems!: string[];
}

export class DeviceImportChangesDto {
  @ApiProperty({ type: [String] }) created!: string[];
  @ApiProperty({ type: [String] }) updated!: string[];
}

/** What an import did (or, with dryRun, would do). */
export class DeviceImportResultDto {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'Devices created.' }) created!: number;
  @ApiProperty({ description: 'Devices updated.' }) updated!: number;
  @ApiProperty({ description: 'Devices already as imported.' }) unchanged!: number;
  @ApiProperty({ type: [String], description: 'Every device name in the import, in its order.' }) devices!: string[];
  @ApiProperty({ type: DeviceImportChangesDto }) changes!: DeviceImportChangesDto;
  @ApiProperty({ type: [String] }) sitesCreated!: string[];
  @ApiProperty({ type: [String] }) credentialsCreated!: string[];
}
