import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { IsSingleLine } from '../validation/plain-text';

export const SNMP_VERSIONS = ['2c', '3'] as const;
export type SnmpVersion = (typeof SNMP_VERSIONS)[number];
export const SNMP_AUTH_PROTOCOLS = ['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
export type SnmpAuthProtocol = (typeof SNMP_AUTH_PROTOCOLS)[number];
export const SNMP_PRIV_PROTOCOLS = ['des', 'aes', 'aes192', 'aes256'] as const;
export type SnmpPrivProtocol = (typeof SNMP_PRIV_PROTOCOLS)[number];
export const DEFAULT_SNMP_PORT = 161;

/** Fails when the field is given for the other SNMP version. */
function OnlyForVersion(version: SnmpVersion): PropertyDecorator {
  return ValidateBy({
    name: 'onlyForSnmpVersion',
    validator: {
      validate: (_value, args) => (args?.object as { version?: unknown }).version === version,
      defaultMessage: (args) => `${args?.property} applies to SNMP version ${version} only`,
    },
  });
}

/** Fails when the field is given without the field it depends on. */
function Needs(field: 'authProtocol' | 'privProtocol'): PropertyDecorator {
  return ValidateBy({
    name: 'needsSnmpField',
    validator: {
      validate: (_value, args) => (args?.object as Record<string, unknown>)[field] !== undefined,
      defaultMessage: (args) => `${args?.property} needs ${field}`,
    },
  });
}

type SnmpInput = Partial<Record<keyof SnmpSettingsDto, unknown>>;

/**
 * SNMP settings as written: `{version: "2c", port, community}` or
 * `{version: "3", port, username, authProtocol, authKey, privProtocol, privKey}`.
 * A PATCH replaces the whole object (secrets included); `null` removes SNMP.
 */
export class SnmpSettingsDto {
  @ApiProperty({ enum: SNMP_VERSIONS })
  @IsIn(SNMP_VERSIONS, { message: `version must be one of ${SNMP_VERSIONS.join(', ')}` })
  version!: SnmpVersion;

  @ApiPropertyOptional({ minimum: 1, maximum: 65535, default: DEFAULT_SNMP_PORT })
  @ValidateIf((o: SnmpInput) => o.port !== undefined)
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @ApiPropertyOptional({ description: 'SNMPv2c community (write-only; stored encrypted).', writeOnly: true })
  @ValidateIf((o: SnmpInput) => o.version === '2c' || o.community !== undefined)
  @OnlyForVersion('2c')
  @IsString()
  @Length(1, 128)
  @IsSingleLine()
  community?: string;

  @ApiPropertyOptional({ description: 'SNMPv3 user name.' })
  @ValidateIf((o: SnmpInput) => o.version === '3' || o.username !== undefined)
  @OnlyForVersion('3')
  @IsString()
  @Length(1, 64)
  @IsSingleLine()
  username?: string;

  @ApiPropertyOptional({ enum: SNMP_AUTH_PROTOCOLS })
  @ValidateIf((o: SnmpInput) => o.authProtocol !== undefined)
  @OnlyForVersion('3')
  @IsIn(SNMP_AUTH_PROTOCOLS, { message: `authProtocol must be one of ${SNMP_AUTH_PROTOCOLS.join(', ')}` })
  authProtocol?: SnmpAuthProtocol;

  @ApiPropertyOptional({ description: 'SNMPv3 authentication key, 8+ characters (write-only; stored encrypted).', writeOnly: true })
  @ValidateIf((o: SnmpInput) => o.authProtocol !== undefined || o.authKey !== undefined)
  @Needs('authProtocol')
  @IsString()
  @Length(8, 256)
  @IsSingleLine()
  authKey?: string;

  @ApiPropertyOptional({ enum: SNMP_PRIV_PROTOCOLS })
  @ValidateIf((o: SnmpInput) => o.privProtocol !== undefined)
  @Needs('authProtocol')
  @IsIn(SNMP_PRIV_PROTOCOLS, { message: `privProtocol must be one of ${SNMP_PRIV_PROTOCOLS.join(', ')}` })
  privProtocol?: SnmpPrivProtocol;

  @ApiPropertyOptional({ description: 'SNMPv3 privacy key, 8+ characters (write-only; stored encrypted).', writeOnly: true })
  @ValidateIf((o: SnmpInput) => o.privProtocol !== undefined || o.privKey !== undefined)
  @Needs('privProtocol')
  @IsString()
  @Length(8, 256)
  @IsSingleLine()
  privKey?: string;
}

/** SNMP settings as read back: secrets replaced by whether they are set. */
export class SnmpSettingsView {
  @ApiProperty({ enum: SNMP_VERSIONS })
  version!: SnmpVersion;

  @ApiProperty()
  port!: number;

  @ApiPropertyOptional({ description: 'v2c: whether a community is stored.' })
  hasCommunity?: boolean;

  @ApiPropertyOptional({ description: 'v3 user name.' })
  username?: string;

  @ApiPropertyOptional({ enum: SNMP_AUTH_PROTOCOLS, nullable: true })
  authProtocol?: SnmpAuthProtocol | null;

  @ApiPropertyOptional({ enum: SNMP_PRIV_PROTOCOLS, nullable: true })
  privProtocol?: SnmpPrivProtocol | null;

  @ApiPropertyOptional()
  hasAuthKey?: boolean;

  @ApiPropertyOptional()
  hasPrivKey?: boolean;
}

/** Full SNMP settings with secrets, for the internal connection endpoint only. */
export class SnmpConnectionSettings {
  @ApiProperty({ enum: SNMP_VERSIONS })
  version!: SnmpVersion;

  @ApiProperty()
  port!: number;

  @ApiPropertyOptional()
  community?: string;

  @ApiPropertyOptional()
  username?: string;

  @ApiPropertyOptional({ enum: SNMP_AUTH_PROTOCOLS })
  authProtocol?: SnmpAuthProtocol;

  @ApiPropertyOptional()
  authKey?: string;

  @ApiPropertyOptional({ enum: SNMP_PRIV_PROTOCOLS })
  privProtocol?: SnmpPrivProtocol;

  @ApiPropertyOptional()
  privKey?: string;
}
