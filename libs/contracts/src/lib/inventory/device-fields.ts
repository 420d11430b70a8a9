import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { composeProperty, presence, type FieldPresence } from '../validation/field-presence';
import { IsHostAddress } from '../validation/host-address';
import { IsPrintableText, IsSingleLine } from '../validation/plain-text';
import { IsSafeName, SAFE_NAME_MAX_LENGTH } from '../validation/safe-name';
import { SnmpSettingsDto } from './snmp-settings.dto';

export const DEFAULT_SSH_PORT = 22;
export const TAG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
export const MAX_TAGS = 64;
export const NOTES_MAX_LENGTH = 10_000;

/**
 * One decorator set per device field, shared by create (required/optional) and PATCH
 * (optional/nullable) so the two can never drift apart.
 */
export const DeviceField = {
  name: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ description: 'Unique (case-insensitive); becomes a file name, so no "/", "\\", "..", control characters or leading dot.', maxLength: SAFE_NAME_MAX_LENGTH, required: mode === 'required', example: 'core-sw-01' }),
      presence(mode),
      IsString(),
      IsSafeName(),
    ),
  host: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ description: 'IPv4/IPv6 address or RFC 1123 DNS name.', required: mode === 'required', example: '192.0.2.10' }),
      presence(mode),
      IsString(),
      IsHostAddress(),
    ),
  port: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ minimum: 1, maximum: 65535, default: DEFAULT_SSH_PORT, required: false }),
      presence(mode),
      IsInt(),
      Min(1),
      Max(65535),
    ),
  platform: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ description: 'Platform name or alias (cisco_ios, ios, cisco.ios.ios …); stored as the canonical name.', required: mode === 'required', example: 'cisco_ios' }),
      presence(mode),
      IsString(),
      MaxLength(64),
    ),
  site: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ description: 'Name of an existing site.', type: String, nullable: true, required: false }),
      presence(mode),
      IsString(),
      IsSafeName(),
    ),
  role: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ type: String, nullable: true, required: false, maxLength: 64, example: 'core' }),
      presence(mode),
      IsString(),
      MaxLength(64),
      IsSingleLine(),
    ),
  tags: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ type: [String], required: false, description: `Up to ${MAX_TAGS} tags matching ${TAG_PATTERN.source}; replaces the set on PATCH.` }),
      presence(mode),
      IsArray(),
      ArrayMaxSize(MAX_TAGS),
      ArrayUnique(),
      Matches(TAG_PATTERN, { each: true, message: `each tag must match ${TAG_PATTERN.source}` }),
    ),
  enabled: (mode: FieldPresence) =>
    composeProperty(ApiProperty({ default: true, required: false }), presence(mode), IsBoolean()),
  credentialId: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ type: String, format: 'uuid', nullable: true, required: false, description: 'Id of the credential used to log in.' }),
      presence(mode),
      IsUUID('all', { message: 'credentialId must be a credential id (UUID)' }),
    ),
  snmp: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ type: SnmpSettingsDto, nullable: true, required: false }),
      presence(mode),
      IsObject(),
      ValidateNested(),
      Type(() => SnmpSettingsDto),
    ),
  notes: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ type: String, nullable: true, required: false, maxLength: NOTES_MAX_LENGTH }),
      presence(mode),
      IsString(),
      MaxLength(NOTES_MAX_LENGTH),
      IsPrintableText(),
    ),
};
