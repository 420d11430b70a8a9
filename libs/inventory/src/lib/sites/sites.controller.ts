import { CreateSiteDto, NamedListQueryDto, SiteDto, SitePageDto, UpdateSiteDto } from '@netkeep/contracts';
import { Roles } from '@netkeep/core';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { pageLinks } from '../shared/page-links';
import { SitesService } from './sites.service';

@ApiTags('sites')
@Controller('api/v1/sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Get()
  @Roles('viewer')
  @ApiOkResponse({ type: SitePageDto })
  async list(@Query() query: NamedListQueryDto, @Req() request: FastifyRequest): Promise<SitePageDto> {
    const { count, results } = await this.sites.list(query);
    return { count, ...pageLinks(request, query.limit, query.offset, count), results };
  }

  @Post()
  @Roles('operator')
  @ApiCreatedResponse({ type: SiteDto })
  @ApiConflictResponse({ description: 'A site with this name exists' })
  create(@Body() body: CreateSiteDto): Promise<SiteDto> {
    return this.sites.create(body);
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOkResponse({ type: SiteDto })
  @ApiNotFoundResponse({ description: 'No site with this id' })
  get(@Param('id') id: string): Promise<SiteDto> {
    return this.sites.get(id);
  }

  @Patch(':id')
  @Roles('operator')
  @ApiOkResponse({ type: SiteDto })
  @ApiNotFoundResponse({ description: 'No site with this id' })
  @ApiConflictResponse({ description: 'The new name is taken' })
  update(@Param('id') id: string, @Body() body: UpdateSiteDto): Promise<SiteDto> {
    return this.sites.update(id, body);
  }

  @Delete(':id')
  @Roles('operator')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'Devices are at this site' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.sites.remove(id);
  }
}
