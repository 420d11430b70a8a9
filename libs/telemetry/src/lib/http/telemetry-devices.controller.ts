import {
  InterfaceHistoryDto,
  PollRequestedDto,
  TelemetryDeviceListDto,
  TelemetryDeviceStateDto,
  TelemetrySettingsDto,
  TelemetrySettingsView,
} from '@netkeep/contracts';
import { Roles } from '@netkeep/core';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { TelemetryDevicesService } from './telemetry-devices.service';

@ApiTags('telemetry')
@Controller('api/v1/telemetry/devices')
export class TelemetryDevicesController {
  constructor(private readonly devices: TelemetryDevicesService) {}

  @Get()
  @Roles('viewer')
  @ApiOperation({ summary: 'Poll status of every enabled device', description: 'Last poll, duration, source, error and failure streak; settings; when the next poll is due.' })
  @ApiOkResponse({ type: TelemetryDeviceListDto })
  list(): Promise<TelemetryDeviceListDto> {
    return this.devices.list();
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOperation({
    summary: 'A device\'s current state',
    description: 'Interfaces with status, speed, exact counters and rates (bits, packets, errors and discards per second) over the last interval; uptime, CPU, memory; the poll status.',
  })
  @ApiOkResponse({ type: TelemetryDeviceStateDto })
  @ApiNotFoundResponse({ description: 'No device with this id in the inventory' })
  get(@Param('id') id: string): Promise<TelemetryDeviceStateDto> {
    return this.devices.get(id);
  }

  @Get(':id/interfaces/:ifName/history')
  @Roles('viewer')
  @ApiOperation({ summary: 'An interface\'s last hour at poll resolution', description: 'Oldest first. ifName as in the device state; encode its slashes (Gi1%2F0%2F1).' })
  @ApiParam({ name: 'ifName', example: 'Gi1%2F0%2F1' })
  @ApiOkResponse({ type: InterfaceHistoryDto })
  @ApiNotFoundResponse({ description: 'No such device, or no such interface on it' })
  history(@Param('id') id: string, @Param('ifName') ifName: string): Promise<InterfaceHistoryDto> {
    return this.devices.history(id, ifName);
  }

  @Put(':id/settings')
  @Roles('operator')
  @ApiOperation({ summary: 'Set how a device is polled', description: 'Replaces the device\'s telemetry settings; an absent field takes its default. Applies to the schedule at once.' })
  @ApiOkResponse({ type: TelemetrySettingsView })
  @ApiBadRequestResponse({ description: 'Field errors' })
  @ApiNotFoundResponse({ description: 'No device with this id in the inventory' })
  saveSettings(@Param('id') id: string, @Body() body: TelemetrySettingsDto): Promise<TelemetrySettingsView> {
    return this.devices.saveSettings(id, body);
  }

  @Post(':id/poll')
  @Roles('operator')
  @HttpCode(202)
  @ApiOperation({ summary: 'Poll a device now', description: 'Queues one poll beside the schedule; its outcome shows in the device\'s poll status.' })
  @ApiAcceptedResponse({ type: PollRequestedDto })
  @ApiNotFoundResponse({ description: 'No device with this id in the inventory' })
  pollNow(@Param('id') id: string): Promise<PollRequestedDto> {
    return this.devices.pollNow(id);
  }
}
