import { ApiProperty } from '@nestjs/swagger';
import type { Role } from '../role';

/** The caller as the token identifies it: what a client needs to offer only what the role may do. */
export class WhoamiView {
  @ApiProperty({ description: "The token's name (a netkeep service's own name for the service token)" }) name!: string;
  @ApiProperty({ enum: ['viewer', 'operator', 'admin', 'service'] }) role!: Role;
  @ApiProperty({ enum: ['user', 'service'] }) kind!: 'user' | 'service';
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The stored token id; null for the service token' }) tokenId!: string | null;
}
