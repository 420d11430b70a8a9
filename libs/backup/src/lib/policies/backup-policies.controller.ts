import { BackupPolicyDto, BackupPolicyListDto, CreateBackupPolicyDto, UpdateBackupPolicyDto } from '@netkeep/contracts';
import { Roles } from '@netkeep/core';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
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
import { BackupPoliciesService } from './backup-policies.service';

@ApiTags('backup policies')
@Controller('api/v1/backup-policies')
export class BackupPoliciesController {
  constructor(private readonly policies: BackupPoliciesService) {}

  @Get()
  @Roles('viewer')
  @ApiOkResponse({ type: BackupPolicyListDto })
  async list(): Promise<BackupPolicyListDto> {
    const results = await this.policies.list();
    return { count: results.length, results };
  }

  @Post()
  @Roles('operator')
  @ApiOperation({
    summary: 'Create a backup policy',
    description: 'cron: 5 fields (minute hour day month weekday), or 6 with seconds first; at most one run a minute. timezone: IANA name, default UTC. selector: inventory filters, {} is every enabled device.',
  })
  @ApiCreatedResponse({ type: BackupPolicyDto })
  @ApiBadRequestResponse({ description: 'A bad cron expression or time zone, field errors' })
  @ApiConflictResponse({ description: 'A policy with this name exists' })
  create(@Body() body: CreateBackupPolicyDto): Promise<BackupPolicyDto> {
    return this.policies.create(body);
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOkResponse({ type: BackupPolicyDto })
  @ApiNotFoundResponse({ description: 'No policy with this id' })
  get(@Param('id') id: string): Promise<BackupPolicyDto> {
    return this.policies.get(id);
  }

  @Patch(':id')
  @Roles('operator')
  @ApiOperation({ summary: 'Change a policy; its schedule follows at once' })
  @ApiOkResponse({ type: BackupPolicyDto })
  @ApiBadRequestResponse({ description: 'A bad cron expression or time zone, field errors' })
  @ApiNotFoundResponse({ description: 'No policy with this id' })
  @ApiConflictResponse({ description: 'The new name is taken' })
  update(@Param('id') id: string, @Body() body: UpdateBackupPolicyDto): Promise<BackupPolicyDto> {
    return this.policies.update(id, body);
  }

  @Delete(':id')
  @Roles('operator')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted and unscheduled' })
  @ApiNotFoundResponse({ description: 'No policy with this id' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.policies.remove(id);
  }
}
