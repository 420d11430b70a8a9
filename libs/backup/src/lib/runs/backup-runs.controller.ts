import { BackupRunDto, BackupRunListQueryDto, BackupRunPageDto, BackupRunQueryDto, StartBackupRunDto } from '@netkeep/contracts';
import { CurrentPrincipal, Roles, ValidationFailedError, type Principal } from '@netkeep/core';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BackupRunsService } from './backup-runs.service';

@ApiTags('backups')
@Controller('api/v1/backups')
export class BackupRunsController {
  constructor(private readonly runs: BackupRunsService) {}

  @Post()
  @Roles('operator')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Back devices up now',
    description:
      'Body: {"selector": {...}} with the inventory list filters (site, role, platform, tags, names, deviceIds, q; {} is every enabled device), ' +
      'or {"deviceIds": [...]}. One job per device is queued; the answer is the run, whose id GET /api/v1/backups/{id} follows.',
  })
  @ApiAcceptedResponse({ type: BackupRunDto })
  @ApiBadRequestResponse({ description: 'Neither or both of selector and deviceIds, unknown or disabled device ids, field errors' })
  start(@Body() body: StartBackupRunDto, @CurrentPrincipal() principal?: Principal): Promise<BackupRunDto> {
    if (!body.selector && !body.deviceIds) {
      throw new ValidationFailedError([{ field: 'selector', problems: ['give a selector ({} for every enabled device) or deviceIds'] }]);
    }
    return this.runs.start({ selector: body.selector, deviceIds: body.deviceIds, trigger: 'manual', requestedBy: principal?.name ?? null });
  }

  @Get()
  @Roles('viewer')
  @ApiOperation({ summary: 'Recent backup runs, newest first, with progress' })
  @ApiOkResponse({ type: BackupRunPageDto })
  list(@Query() query: BackupRunListQueryDto): Promise<BackupRunPageDto> {
    return this.runs.list(query.limit, query.offset, query.trigger);
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOperation({ summary: 'A run with its progress and per-device results', description: 'status (repeatable) keeps only results in those statuses.' })
  @ApiOkResponse({ type: BackupRunDto })
  @ApiNotFoundResponse({ description: 'No run with this id' })
  get(@Param('id') id: string, @Query() query: BackupRunQueryDto): Promise<BackupRunDto> {
    return this.runs.get(id, query.status);
  }
}
