import { CreateDeviceDto, DeviceDto, DeviceListQueryDto, DevicePageDto, UpdateDeviceDto } from '@netkeep/contracts';
import { Roles } from '@netkeep/core';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { pageLinks } from '../shared/page-links';
import { DevicesService } from './devices.service';

@ApiTags('devices')
@Controller('api/v1/devices')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @Get()
  @Roles('viewer')
  @ApiOperation({
    summary: 'List devices',
    description:
      'Filters: site (name), role, platform (name or alias), tag (repeatable; every tag must match), enabled, q (case-insensitive ' +
      'substring of name, host or notes). Paging: limit (1–1000, default 50) and offset; next/previous are URLs with the same query. ' +
      'ordering: name, site, platform, role, createdAt, updatedAt; "-" for descending.',
  })
  @ApiOkResponse({ type: DevicePageDto })
  @ApiBadRequestResponse({ description: 'A bad parameter, an unknown platform or site' })
  async list(@Query() query: DeviceListQueryDto, @Req() request: FastifyRequest): Promise<DevicePageDto> {
    const { count, results } = await this.devices.list(query);
    return { count, ...pageLinks(request, query.limit, query.offset, count), results };
  }

  @Post()
  @Roles('operator')
  @ApiOperation({ summary: 'Create a device' })
  @ApiCreatedResponse({ type: DeviceDto })
  @ApiBadRequestResponse({ description: 'Field errors (unknown fields, host, port, platform, site, credentialId …)' })
  @ApiConflictResponse({ description: 'A device with this name exists (names are case-insensitive)' })
  create(@Body() body: CreateDeviceDto): Promise<DeviceDto> {
    return this.devices.create(body);
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOkResponse({ type: DeviceDto })
  @ApiNotFoundResponse({ description: 'No device with this id' })
  get(@Param('id') id: string): Promise<DeviceDto> {
    return this.devices.get(id);
  }

  @Patch(':id')
  @Roles('operator')
  @ApiOperation({ summary: 'Change some fields of a device', description: 'An absent field is left as it is; null clears site, role, credentialId, snmp or notes. tags and snmp are replaced whole.' })
  @ApiOkResponse({ type: DeviceDto })
  @ApiBadRequestResponse({ description: 'Field errors' })
  @ApiNotFoundResponse({ description: 'No device with this id' })
  @ApiConflictResponse({ description: 'The new name is taken' })
  update(@Param('id') id: string, @Body() body: UpdateDeviceDto): Promise<DeviceDto> {
    return this.devices.update(id, body);
  }

  @Delete(':id')
  @Roles('operator')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No device with this id' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.devices.remove(id);
  }
}
