import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * Filters on a device's own attributes, alike in the device list's query string and in a backup
 * selector's JSON body. Ids, names, tags and `enabled` differ between the two (repeatable query
 * values against JSON arrays) and stay with each.
 */
export class DeviceAttributeFilterDto {
  @ApiPropertyOptional({ description: 'Site name.' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  site?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  role?: string;

  @ApiPropertyOptional({ description: 'Platform name or alias.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  platform?: string;

  @ApiPropertyOptional({ description: 'Case-insensitive substring of name, host or notes.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
