import { ApiProperty } from '@nestjs/swagger';
import { DeviceField } from './device-fields';
import { SnmpSettingsDto, SnmpSettingsView } from './snmp-settings.dto';

/** POST /api/v1/devices. */
export class CreateDeviceDto {
  @DeviceField.name('required') name!: string;
  @DeviceField.host('required') host!: string;
  @DeviceField.port('optional') port?: number;
  @DeviceField.platform('required') platform!: string;
  @DeviceField.site('nullable') site?: string | null;
  @DeviceField.role('nullable') role?: string | null;
  @DeviceField.tags('optional') tags?: string[];
  @DeviceField.enabled('optional') enabled?: boolean;
  @DeviceField.credentialId('nullable') credentialId?: string | null;
  @DeviceField.snmp('nullable') snmp?: SnmpSettingsDto | null;
  @DeviceField.notes('nullable') notes?: string | null;
}

/** PATCH /api/v1/devices/:id — absent leaves a field unchanged, null clears a nullable one. */
export class UpdateDeviceDto {
  @DeviceField.name('optional') name?: string;
  @DeviceField.host('optional') host?: string;
  @DeviceField.port('optional') port?: number;
  @DeviceField.platform('optional') platform?: string;
  @DeviceField.site('nullable') site?: string | null;
  @DeviceField.role('nullable') role?: string | null;
  @DeviceField.tags('optional') tags?: string[];
  @DeviceField.enabled('optional') enabled?: boolean;
  @DeviceField.credentialId('nullable') credentialId?: string | null;
  @DeviceField.snmp('nullable') snmp?: SnmpSettingsDto | null;
  @DeviceField.notes('nullable') notes?: string | null;
}

/** Facts a backup run discovered on the device. */
export class DeviceFactsDto {
  @ApiProperty({ type: String, nullable: true }) model!: string | null;
  @ApiProperty({ type: String, nullable: true }) serial!: string | null;
  @ApiProperty({ type: String, nullable: true }) osVersion!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) collectedAt!: string | null;
}

/** A device as every endpoint returns it: no secrets. */
export class DeviceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() host!: string;
  @ApiProperty() port!: number;
  @ApiProperty({ description: 'Canonical platform name.' }) platform!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Site name.' }) site!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) siteId!: string | null;
  @ApiProperty({ type: String, nullable: true }) role!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) credentialId!: string | null;
  @ApiProperty({ type: SnmpSettingsView, nullable: true }) snmp!: SnmpSettingsView | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty({ type: DeviceFactsDto }) facts!: DeviceFactsDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
