import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { composeProperty, presence, type FieldPresence } from '../validation/field-presence';
import { IsPrintableText, IsSingleLine } from '../validation/plain-text';
import { IsSafeName, SAFE_NAME_MAX_LENGTH } from '../validation/safe-name';
import type { Page } from './page.dto';

const PRIVATE_KEY_PATTERN = /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]+-----END [A-Z0-9 ]*PRIVATE KEY-----\s*$/;

const CredentialField = {
  name: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ maxLength: SAFE_NAME_MAX_LENGTH, required: mode === 'required', example: 'noc-readonly' }),
      presence(mode),
      IsString(),
      IsSafeName(),
    ),
  username: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ maxLength: 128, required: mode === 'required', example: 'netkeep' }),
      presence(mode),
      IsString(),
      Length(1, 128),
      IsSingleLine(),
    ),
  secret: (mode: FieldPresence, description: string) =>
    composeProperty(
      ApiProperty({ type: String, nullable: true, required: false, writeOnly: true, maxLength: 1024, description }),
      presence(mode),
      IsString(),
      Length(1, 1024),
      IsSingleLine(),
    ),
  privateKey: (mode: FieldPresence) =>
    composeProperty(
      ApiProperty({ type: String, nullable: true, required: false, writeOnly: true, description: 'PEM or OpenSSH private key (write-only; stored encrypted).' }),
      presence(mode),
      IsString(),
      MaxLength(16_384),
      IsPrintableText(),
      Matches(PRIVATE_KEY_PATTERN, { message: 'privateKey must be a PEM or OpenSSH private key (-----BEGIN … PRIVATE KEY-----)' }),
    ),
};

/** POST /api/v1/credentials. Secrets are write-only: stored encrypted, never returned. */
export class CreateCredentialDto {
  @CredentialField.name('required') name!: string;
  @CredentialField.username('required') username!: string;
  @CredentialField.secret('nullable', 'Login password (write-only; stored encrypted).') password?: string | null;
  @CredentialField.secret('nullable', 'Enable / privileged-mode secret (write-only; stored encrypted).') enableSecret?: string | null;
  @CredentialField.privateKey('nullable') privateKey?: string | null;
}

/** PATCH /api/v1/credentials/:id — absent leaves a secret as it is, null removes it. */
export class UpdateCredentialDto {
  @CredentialField.name('optional') name?: string;
  @CredentialField.username('optional') username?: string;
  @CredentialField.secret('nullable', 'Login password (write-only).') password?: string | null;
  @CredentialField.secret('nullable', 'Enable secret (write-only).') enableSecret?: string | null;
  @CredentialField.privateKey('nullable') privateKey?: string | null;
}

/** A credential as read back: whether each secret is set, never the secret. */
export class CredentialDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() username!: string;
  @ApiProperty() hasPassword!: boolean;
  @ApiProperty() hasEnableSecret!: boolean;
  @ApiProperty() hasPrivateKey!: boolean;
  @ApiProperty({ description: 'Devices that use this credential.' }) deviceCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CredentialPageDto implements Page<CredentialDto> {
  @ApiProperty() count!: number;
  @ApiProperty({ type: String, nullable: true }) next!: string | null;
  @ApiProperty({ type: String, nullable: true }) previous!: string | null;
  @ApiProperty({ type: [CredentialDto] }) results!: CredentialDto[];
}
