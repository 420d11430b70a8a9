import { BackupStatusListQueryDto, DeviceBackupStatusDto, DeviceBackupStatusPageDto, INVENTORY_PORT, type InventoryPort } from '@netkeep/contracts';
import { NotFoundError, Roles } from '@netkeep/core';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BackupDeviceStatusRow } from '../backup-runs.tables';
import { DeviceStatusRepository } from './device-status.repository';

@ApiTags('backups')
@Controller('api/v1')
export class DeviceStatusController {
  constructor(
    private readonly statuses: DeviceStatusRepository,
    @Inject(INVENTORY_PORT) private readonly inventory: InventoryPort,
  ) {}

  @Get('devices/:id/backup-status')
  @Roles('viewer')
  @ApiOperation({ summary: "A device's backup status: last attempt, last success, last change, last error with phase and message" })
  @ApiOkResponse({ type: DeviceBackupStatusDto })
  @ApiNotFoundResponse({ description: 'No device with this id, in the inventory or the backup history' })
  async get(@Param('id') id: string): Promise<DeviceBackupStatusDto> {
    const row = await this.statuses.find(id);
    if (row) return toDto(row);
    const device = await this.inventory.getDevice(id);
    if (!device) throw new NotFoundError(`device ${id} does not exist`);
    return toDto({ device_id: device.id, device_name: device.name } as BackupDeviceStatusRow);
  }

  @Get('backup-status')
  @Roles('viewer')
  @ApiOperation({ summary: 'Backup status of every device ever tried, by name', description: 'failing=true: only devices whose last attempt failed.' })
  @ApiOkResponse({ type: DeviceBackupStatusPageDto })
  async list(@Query() query: BackupStatusListQueryDto): Promise<DeviceBackupStatusPageDto> {
    const { count, rows } = await this.statuses.list(query.limit, query.offset, query.failing);
    return { count, results: rows.map(toDto) };
  }
}

function toDto(row: BackupDeviceStatusRow): DeviceBackupStatusDto {
  return {
    deviceId: row.device_id,
    deviceName: row.device_name,
    lastOutcome: (row.last_outcome ?? null) as DeviceBackupStatusDto['lastOutcome'],
    lastAttemptAt: row.last_attempt_at ?? null,
    lastSuccessAt: row.last_success_at ?? null,
    lastChangeAt: row.last_change_at ?? null,
    lastError:
      row.last_error_phase && row.last_error_at
        ? {
            phase: row.last_error_phase as NonNullable<DeviceBackupStatusDto['lastError']>['phase'],
            message: row.last_error_message ?? '',
            at: row.last_error_at,
            runId: row.last_error_run_id ?? '',
          }
        : null,
    lastRunId: row.last_run_id ?? null,
    latestVersionId: row.latest_version_id ?? null,
    cryptoProfile: row.crypto_profile ?? null,
  };
}
