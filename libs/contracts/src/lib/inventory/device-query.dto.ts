import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { queryBoolean, queryList } from '../validation/query-values';
import { DeviceAttributeFilterDto } from './device-attribute-filter.dto';
import { TAG_PATTERN } from './device-fields';
import { DeviceDto } from './device.dto';
import { DEFAULT_PAGE_LIMIT, PageField, type Page } from './page.dto';

export const DEVICE_ORDERINGS = ['name', 'site', 'platform', 'role', 'createdAt', 'updatedAt'] as const;
export type DeviceOrderingField = (typeof DEVICE_ORDERINGS)[number];
export const DEVICE_ORDERING_VALUES: readonly string[] = DEVICE_ORDERINGS.flatMap((field) => [field, `-${field}`]);

/** Filters shared by the device list and the export. */
export class DeviceFilterDto extends DeviceAttributeFilterDto {
  @ApiPropertyOptional({ type: [String], description: 'Repeatable; any of these ids (OR).' })
  @IsOptional()
  @Transform(queryList)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  id?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Repeatable; any of these names (OR, case-insensitive).' })
  @IsOptional()
  @Transform(queryList)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  name?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Repeatable; a device must carry every tag given (AND).' })
  @IsOptional()
  @Transform(queryList)
  @ArrayMaxSize(16)
  @IsString({ each: true })
  @Matches(TAG_PATTERN, { each: true, message: `each tag must match ${TAG_PATTERN.source}` })
  tag?: string[];

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}

/** GET /api/v1/devices. */
export class DeviceListQueryDto extends DeviceFilterDto {
  @PageField.limit() limit: number = DEFAULT_PAGE_LIMIT;
  @PageField.offset() offset = 0;

  @ApiPropertyOptional({ enum: DEVICE_ORDERING_VALUES, default: 'name', description: 'A field, "-" for descending.' })
  @IsOptional()
  @IsIn(DEVICE_ORDERING_VALUES, { message: `ordering must be one of ${DEVICE_ORDERING_VALUES.join(', ')}` })
  ordering?: string;
}

export class DevicePageDto implements Page<DeviceDto> {
  @ApiProperty() count!: number;
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
  @ApiProperty({ type: String, nullable: true }) previous!: string | null;
  @ApiProperty({ type: [DeviceDto] }) results!: DeviceDto[];
}
