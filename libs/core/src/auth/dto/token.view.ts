import { ApiProperty } from '@nestjs/swagger';
import { ASSIGNABLE_ROLES, type AssignableRole } from '../role';

/** A stored token as listed: never the token, never its hash. */
export class TokenView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ASSIGNABLE_ROLES }) role!: AssignableRole;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expiresAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;
}

export class IssuedTokenView extends TokenView {
  @ApiProperty({ description: 'The token itself, shown this once: store it now', example: 'nk_…' })
  token!: string;
}

export class TokenListView {
  @ApiProperty({ type: [TokenView] }) items!: TokenView[];
}
