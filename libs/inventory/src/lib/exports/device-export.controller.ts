import { DeviceExportQueryDto } from '@netkeep/contracts';
import { Roles } from '@netkeep/core';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DeviceExportService } from './device-export.service';

@ApiTags('devices')
@Controller('api/v1/devices/export')
export class DeviceExportController {
  constructor(private readonly exports: DeviceExportService) {}

  @Get()
  @Roles('viewer')
  @ApiOperation({
    summary: 'Export devices as CSV or an Ansible YAML inventory',
    description:
      'Takes the list filters (site, role, platform, tag, enabled, q) and ordering; returns every match. csv has the import columns ' +
      'without SNMP; yaml is an Ansible inventory (all → hosts) with netkeep_* host variables. Both re-import as they are. No secrets.',
  })
  @ApiProduces('text/csv', 'application/yaml')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string' } })
  async export(@Query() query: DeviceExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const file = await this.exports.export(query);
    reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }
}
