import { AcceptHostKeyDto, DeviceHostKeyView } from '@netkeep/contracts';
import { Roles } from '@netkeep/core';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeviceHostKeysService } from './device-host-keys.service';

@ApiTags('devices')
@Controller('api/v1/devices/:id/host-key')
export class DeviceHostKeysController {
  constructor(private readonly hostKeys: DeviceHostKeysService) {}

  @Get()
  @Roles('viewer')
  @ApiOperation({
    summary: "The device's trusted SSH host key",
    description: 'Recorded at the first SSH session and shared by every backup worker and the poller. A different key the device offers is refused and shown under refused.',
  })
  @ApiOkResponse({ type: DeviceHostKeyView })
  @ApiNotFoundResponse({ description: 'No device with this id, or no key recorded yet' })
  get(@Param('id') id: string): Promise<DeviceHostKeyView> {
    return this.hostKeys.get(id);
  }

  @Post('accept')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept the changed host key the device offered',
    description: 'After a replacement or a reinstall: give the fingerprint of the refused key, checked on the device itself; from then on only that key is trusted.',
  })
  @ApiOkResponse({ type: DeviceHostKeyView })
  @ApiBadRequestResponse({ description: 'Not a SHA256 fingerprint' })
  @ApiNotFoundResponse({ description: 'No device with this id' })
  @ApiConflictResponse({ description: 'No refused key, or its fingerprint is not the one given' })
  accept(@Param('id') id: string, @Body() body: AcceptHostKeyDto): Promise<DeviceHostKeyView> {
    return this.hostKeys.accept(id, body.fingerprint);
  }

  @Delete()
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget the host key', description: 'As ssh-keygen -R: the next session trusts and records whatever key the device offers.' })
  @ApiNoContentResponse({ description: 'Forgotten' })
  @ApiNotFoundResponse({ description: 'No device with this id, or no key recorded' })
  async forget(@Param('id') id: string): Promise<void> {
    await this.hostKeys.forget(id);
  }
}
