import { CreateCredentialDto, CredentialDto, CredentialPageDto, NamedListQueryDto, UpdateCredentialDto } from '@netkeep/contracts';
import { Roles } from '@netkeep/core';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { pageLinks } from '../shared/page-links';
import { CredentialsService } from './credentials.service';

/** Admin only, reads included: even a credential's username and name are not for every viewer. */
@ApiTags('credentials')
@Roles('admin')
@Controller('api/v1/credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get()
  @ApiOkResponse({ type: CredentialPageDto })
  async list(@Query() query: NamedListQueryDto, @Req() request: FastifyRequest): Promise<CredentialPageDto> {
    const { count, results } = await this.credentials.list(query);
    return { count, ...pageLinks(request, query.limit, query.offset, count), results };
  }

  @Post()
  @ApiOperation({ summary: 'Create a credential', description: 'password, enableSecret and privateKey are stored encrypted and never returned: responses say hasPassword, hasEnableSecret, hasPrivateKey.' })
  @ApiCreatedResponse({ type: CredentialDto })
  @ApiConflictResponse({ description: 'A credential with this name exists' })
  create(@Body() body: CreateCredentialDto): Promise<CredentialDto> {
    return this.credentials.create(body);
  }

  @Get(':id')
  @ApiOkResponse({ type: CredentialDto })
  @ApiNotFoundResponse({ description: 'No credential with this id' })
  get(@Param('id') id: string): Promise<CredentialDto> {
    return this.credentials.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a credential', description: 'An absent secret is kept; null removes it.' })
  @ApiOkResponse({ type: CredentialDto })
  @ApiNotFoundResponse({ description: 'No credential with this id' })
  update(@Param('id') id: string, @Body() body: UpdateCredentialDto): Promise<CredentialDto> {
    return this.credentials.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'Devices use this credential; the message says how many' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.credentials.remove(id);
  }
}
