import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, PageField } from '../inventory/page.dto';
import { queryInteger } from '../validation/query-values';

/** Who made a version: the person a change was logged by, or netkeep for a scheduled or requested backup. */
export class ConfigVersionAuthorDto {
  @ApiProperty({ example: 'alice' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) email!: string | null;
}

/** One archived configuration of a device. */
export class ConfigVersionDto {
  @ApiProperty() id!: string;
  @ApiProperty() deviceId!: string;
  @ApiProperty() deviceName!: string;
  @ApiProperty() platform!: string;
  @ApiProperty({ description: '1 for the first version of the device, then 2, 3 …' }) revision!: number;
  @ApiProperty({ description: 'Git commit id.' }) commit!: string;
  @ApiProperty() contentHash!: string;
  @ApiProperty({ type: ConfigVersionAuthorDto }) author!: ConfigVersionAuthorDto;
  @ApiProperty() trigger!: string;
  @ApiProperty({ type: String, nullable: true }) runId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() lineCount!: number;
  @ApiProperty({ type: String, nullable: true }) summary!: string | null;
}

export class ConfigVersionPageDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [ConfigVersionDto] }) results!: ConfigVersionDto[];
}

export class ConfigContentDto {
  @ApiProperty({ type: ConfigVersionDto }) version!: ConfigVersionDto;
  @ApiProperty() content!: string;
}

/** GET /api/v1/devices/:id/configs. */
export class ConfigVersionListQueryDto {
  @PageField.limit() limit: number = DEFAULT_PAGE_LIMIT;
  @PageField.offset() offset = 0;
}

const VERSION_REF = /^[A-Za-z0-9-]{1,64}$/;

/** GET /api/v1/devices/:id/configs/diff. */
export class ConfigDiffQueryDto {
  @ApiProperty({ description: 'Version id, commit, revision number, or "latest".' })
  @IsString()
  @Matches(VERSION_REF, { message: 'from must be a version id, commit, revision number or "latest"' })
  from!: string;

  @ApiPropertyOptional({ default: 'latest', description: 'Version id, commit, revision number, or "latest".' })
  @IsOptional()
  @IsString()
  @Matches(VERSION_REF, { message: 'to must be a version id, commit, revision number or "latest"' })
  to?: string;

  @ApiPropertyOptional({ enum: ['unified', 'sections'], default: 'unified' })
  @IsOptional()
  @IsIn(['unified', 'sections'], { message: 'format must be unified or sections' })
  format?: 'unified' | 'sections';
}

export class ConfigSectionChangeDto {
  @ApiProperty() section!: string;
  @ApiProperty({ type: [String] }) path!: string[];
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) status!: 'added' | 'removed' | 'changed';
  @ApiProperty({ type: [String] }) added!: string[];
  @ApiProperty({ type: [String] }) removed!: string[];
  @ApiProperty({ type: [String] }) changes!: string[];
  @ApiProperty() summary!: string;
}

export class ConfigDiffDto {
  @ApiProperty({ enum: ['unified', 'sections'] }) format!: 'unified' | 'sections';
  @ApiProperty({ type: ConfigVersionDto }) from!: ConfigVersionDto;
  @ApiProperty({ type: ConfigVersionDto }) to!: ConfigVersionDto;
  @ApiPropertyOptional({ description: 'unified: the patch.' }) patch?: string;
  @ApiPropertyOptional() linesAdded?: number;
  @ApiPropertyOptional() linesRemoved?: number;
  @ApiPropertyOptional({ type: [ConfigSectionChangeDto], description: 'sections: what changed, per configuration section.' }) sections?: ConfigSectionChangeDto[];
}

/** GET /api/v1/configs/search. */
export class ConfigSearchQueryDto {
  @ApiProperty({ description: 'A JavaScript regular expression, matched line by line.' })
  @IsString()
  @MaxLength(500)
  pattern!: string;

  @ApiPropertyOptional({ description: 'Regular expression flags: i, m, s, u.' })
  @IsOptional()
  @IsString()
  @Matches(/^[imsu]{0,4}$/, { message: 'flags may only hold i, m, s and u' })
  flags?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class ConfigSearchMatchDto {
  @ApiProperty() deviceId!: string;
  @ApiProperty() deviceName!: string;
  @ApiProperty({ description: '1-based.' }) lineNumber!: number;
  @ApiProperty() line!: string;
}

export class ConfigSearchResultDto {
  @ApiProperty({ type: [ConfigSearchMatchDto] }) matches!: ConfigSearchMatchDto[];
  @ApiProperty({ description: 'More lines matched than the limit.' }) truncated!: boolean;
  @ApiProperty() devicesSearched!: number;
}

