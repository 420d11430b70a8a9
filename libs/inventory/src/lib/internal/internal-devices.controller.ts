import { DeviceConnectionDto, DeviceDto, UpdateDeviceFactsDto } from '@netkeep/contracts';
import { Roles } from '@netkeep/core';
import { Body, Controller, Get, Header, Param, Patch } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DevicesService } from '../devices/devices.service';
import { DeviceConnectionService } from './device-connection.service';

/** Endpoints for netkeep's own services (the service token); no user token, admin included, may call them. */
@ApiTags('internal')
@Roles('service')
@Controller('api/v1/internal/devices')
export class InternalDevicesController {
  constructor(
    private readonly connections: DeviceConnectionService,
    private readonly devices: DevicesService,
  ) {}

  @Get(':id/connection')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "A device's connection details, secrets decrypted (services only)" })
  @ApiOkResponse({ type: DeviceConnectionDto })
  @ApiNotFoundResponse({ description: 'No device with this id' })
  connection(@Param('id') id: string): Promise<DeviceConnectionDto> {
    return this.connections.connection(id);
  }

  @Patch(':id/facts')
  @ApiOperation({ summary: 'Record the facts a backup run discovered (model, serial, OS version)', description: 'An absent fact is kept, null clears it; collectedAt becomes now.' })
  @ApiOkResponse({ type: DeviceDto })
  @ApiNotFoundResponse({ description: 'No device with this id' })
  facts(@Param('id') id: string, @Body() body: UpdateDeviceFactsDto): Promise<DeviceDto> {
    return this.devices.updateFacts(id, body);
  }
}
