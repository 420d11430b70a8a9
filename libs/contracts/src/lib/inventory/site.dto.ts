import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { composeProperty, presence, type FieldPresence } from '../validation/field-presence';
import { IsPrintableText } from '../validation/plain-text';
import { IsSafeName, SAFE_NAME_MAX_LENGTH } from '../validation/safe-name';
import type { Page } from './page.dto';

const SiteField = {
  name: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ description: 'Unique (case-insensitive); safe as a directory name.', maxLength: SAFE_NAME_MAX_LENGTH, required: mode === 'required', example: 'dc1' }),
      presence(mode),
      IsString(),
      IsSafeName(),
    ),
  description: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ type: String, nullable: true, required: false, maxLength: 1000 }),
      presence(mode),
      IsString(),
      MaxLength(1000),
      IsPrintableText(),
    ),
};

export class CreateSiteDto {
  @SiteField.name('required') name!: string;
  @SiteField.description('nullable') description?: string | null;
}

export class UpdateSiteDto {
  @SiteField.name('optional') name?: string;
  @SiteField.description('nullable') description?: string | null;
}

export class SiteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ description: 'Devices at this site.' }) deviceCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class SitePageDto implements Page<SiteDto> {
  @ApiProperty() count!: number;
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
  @ApiProperty({ type: String, nullable: true }) previous!: string | null;
  @ApiProperty({ type: [SiteDto] }) results!: SiteDto[];
}
