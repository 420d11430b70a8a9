import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DEVICE_ORDERING_VALUES, DeviceFilterDto } from './device-query.dto';

export const DEVICE_EXPORT_FORMATS = ['csv', 'yaml'] as const;
export type DeviceExportFormat = (typeof DEVICE_EXPORT_FORMATS)[number];

/** GET /api/v1/devices/export: the list filters, every matching device, no secrets. */
export class DeviceExportQueryDto extends DeviceFilterDto {
  @ApiProperty({ enum: DEVICE_EXPORT_FORMATS })
  @IsIn(DEVICE_EXPORT_FORMATS, { message: `format must be one of ${DEVICE_EXPORT_FORMATS.join(', ')}` })
  format!: DeviceExportFormat;

  @ApiPropertyOptional({ enum: DEVICE_ORDERING_VALUES, default: 'name' })
  @IsOptional()
  @IsIn(DEVICE_ORDERING_VALUES, { message: `ordering must be one of ${DEVICE_ORDERING_VALUES.join(', ')}` })
  ordering?: string;
}
