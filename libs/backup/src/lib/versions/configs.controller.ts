import {
  ConfigContentDto,
  ConfigDiffDto,
  ConfigDiffQueryDto,
  ConfigSearchQueryDto,
  ConfigSearchResultDto,
  ConfigVersionListQueryDto,
  ConfigVersionPageDto,
  INVENTORY_PORT,
  type InventoryPort,
} from '@netkeep/contracts';
import { NotFoundError, Roles } from '@netkeep/core';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConfigArchive } from '../archive/config-archive';

/** The archive over REST: a device's versions, one version's text, a diff between any two, and a search over the latest of every device. */
@ApiTags('configurations')
@Roles('viewer')
@Controller('api/v1')
export class ConfigsController {
  constructor(
    private readonly archive: ConfigArchive,
    @Inject(INVENTORY_PORT) private readonly inventory: InventoryPort,
  ) {}

  @Get('devices/:id/configs')
  @ApiOperation({ summary: "A device's configuration versions, newest first", description: 'A device removed from the inventory keeps its versions here.' })
  @ApiOkResponse({ type: ConfigVersionPageDto })
  @ApiNotFoundResponse({ description: 'No device with this id, in the inventory or the archive' })
  async versions(@Param('id') id: string, @Query() query: ConfigVersionListQueryDto): Promise<ConfigVersionPageDto> {
    const page = await this.archive.versions(id, { limit: query.limit, offset: query.offset });
    // An empty list would read as "never backed up" for an id that names no device at all.
    if (page.count === 0 && !(await this.inventory.getDevice(id))) throw new NotFoundError(`device ${id} does not exist`);
    return page;
  }

  @Get('devices/:id/configs/diff')
  @ApiOperation({
    summary: 'The difference between two versions of a device',
    description: 'from and to: version id, commit, revision number or "latest" (to defaults to latest). format: unified (a patch) or sections (what changed per configuration section).',
  })
  @ApiOkResponse({ type: ConfigDiffDto })
  @ApiNotFoundResponse({ description: 'The device has no such version' })
  diff(@Param('id') id: string, @Query() query: ConfigDiffQueryDto): Promise<ConfigDiffDto> {
    return this.archive.diff(id, query.from, query.to ?? 'latest', { format: query.format ?? 'unified' });
  }

  @Get('devices/:id/configs/:version')
  @ApiOperation({ summary: "One version's configuration text", description: 'version: version id, commit, revision number or "latest".' })
  @ApiOkResponse({ type: ConfigContentDto })
  @ApiNotFoundResponse({ description: 'The device has no such version' })
  content(@Param('id') id: string, @Param('version') version: string): Promise<ConfigContentDto> {
    return this.archive.content(id, version);
  }

  @Get('configs/search')
  @ApiOperation({
    summary: "Search every device's latest configuration",
    description: 'pattern: a regular expression matched line by line (flags: i, m, s, u). Answers the matching lines with device and line number, within a time budget.',
  })
  @ApiOkResponse({ type: ConfigSearchResultDto })
  @ApiBadRequestResponse({ description: 'An invalid or too costly pattern, or the search ran out of time' })
  search(@Query() query: ConfigSearchQueryDto): Promise<ConfigSearchResultDto> {
    return this.archive.search(query.pattern, { flags: query.flags, limit: query.limit ?? 100 });
  }
}
