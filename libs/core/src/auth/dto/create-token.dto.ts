import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ASSIGNABLE_ROLES, type AssignableRole } from '../role';

export class CreateTokenDto {
  @ApiProperty({ example: 'ci-backup-trigger', description: 'What the token is for; shown in lists and logs' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  // Names reach lists, logs and the console: one line, no control characters.
  @Matches(/^[^\u0000-\u001f\u007f]*$/, { message: 'name must be one line without control characters' })
  name!: string;

  @ApiProperty({ enum: ASSIGNABLE_ROLES })
  @IsIn(ASSIGNABLE_ROLES, { message: `role must be one of ${ASSIGNABLE_ROLES.join(', ')}` })
  role!: AssignableRole;

  @ApiPropertyOptional({ example: '2030-01-01T00:00:00Z', description: 'ISO 8601; omit for a token that does not expire' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date such as 2030-01-01T00:00:00Z' })
  expiresAt?: string;
}
