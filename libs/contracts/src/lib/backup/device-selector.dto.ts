import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DeviceAttributeFilterDto } from '../inventory/device-attribute-filter.dto';
import { TAG_PATTERN } from '../inventory/device-fields';
import type { DeviceSelector } from '../ports/inventory.port';

export const MAX_SELECTED_IDS = 10_000;

/**
 * Which devices a backup run or policy covers: the inventory's list filters (all must match),
 * or device names and ids. Empty: every enabled device.
 */
export class DeviceSelectorDto extends DeviceAttributeFilterDto implements DeviceSelector {
  @ApiPropertyOptional({ type: [String], description: 'Device ids.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SELECTED_IDS)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  deviceIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Device names (case-insensitive).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SELECTED_IDS)
  @IsString({ each: true })
  @MaxLength(128, { each: true })
  names?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Every tag must be present.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(16)
  @IsString({ each: true })
  @Matches(TAG_PATTERN, { each: true, message: `each tag must match ${TAG_PATTERN.source}` })
  tags?: string[];

  @ApiPropertyOptional({ description: 'Default true: enabled devices only.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
