import { CreateWebhookDto, UpdateWebhookDto, WebhookDto, WebhookListDto } from '@netkeep/contracts';
import { Roles } from '@netkeep/core';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Roles('admin')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOkResponse({ type: WebhookListDto })
  async list(): Promise<WebhookListDto> {
    const results = await this.webhooks.list();
    return { count: results.length, results };
  }

  @Post()
  @ApiOperation({
    summary: 'Subscribe a URL to backup events',
    description:
      'Events: config.changed (a device got a new version: device, run, version, summary and unified diff) and backup.failed. ' +
      'Each delivery is a JSON POST with X-Netkeep-Event, X-Netkeep-Delivery (the same across retries) and ' +
      'X-Netkeep-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>. A non-2xx answer or no answer is retried with backoff. ' +
      'The secret is stored encrypted and never returned.',
  })
  @ApiCreatedResponse({ type: WebhookDto })
  @ApiBadRequestResponse({ description: 'Field errors' })
  create(@Body() body: CreateWebhookDto): Promise<WebhookDto> {
    return this.webhooks.create(body);
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: 'No webhook with this id' })
  get(@Param('id') id: string): Promise<WebhookDto> {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some fields of a webhook (a new secret replaces the old one)' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiNotFoundResponse({ description: 'No webhook with this id' })
  update(@Param('id') id: string, @Body() body: UpdateWebhookDto): Promise<WebhookDto> {
    return this.webhooks.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; deliveries still queued for it are dropped' })
  @ApiNotFoundResponse({ description: 'No webhook with this id' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.webhooks.remove(id);
  }
}
