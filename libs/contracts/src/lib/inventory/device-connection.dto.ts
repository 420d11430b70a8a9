import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { composeProperty, presence } from '../validation/field-presence';
import { IsSingleLine } from '../validation/plain-text';
import { SnmpConnectionSettings } from './snmp-settings.dto';

/**
 * GET /api/v1/internal/devices/:id/connection (role `service` only): what a worker needs to
 * open a session, secrets decrypted. The only response in netkeep that carries secrets.
 */
export class DeviceConnectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() host!: string;
  @ApiProperty() port!: number;
  @ApiProperty() platform!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, nullable: true }) username!: string | null;
  @ApiProperty({ type: String, nullable: true }) password!: string | null;
  @ApiProperty({ type: String, nullable: true }) enableSecret!: string | null;
  @ApiProperty({ type: String, nullable: true }) privateKey!: string | null;
  @ApiProperty({ type: SnmpConnectionSettings, nullable: true }) snmp!: SnmpConnectionSettings | null;
}

const factField = () =>
  composeProperty(ApiProperty({ type: String, nullable: true, required: false, maxLength: 256 }), presence('nullable'), IsString(), MaxLength(256), IsSingleLine());

/** PATCH /api/v1/internal/devices/:id/facts (role `service`): what a backup run discovered; an absent fact is kept, null clears it. */
export class UpdateDeviceFactsDto {
  @factField() model?: string | null;
  @factField() serial?: string | null;
  @factField() osVersion?: string | null;
}
