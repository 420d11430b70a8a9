import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiTokensService } from './api-tokens.service';
import { CreateTokenDto } from './dto/create-token.dto';
import { IssuedTokenView, TokenListView } from './dto/token.view';
import { Roles } from './roles.decorator';

@ApiTags('tokens')
@Roles('admin')
@Controller('api/v1/tokens')
export class TokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @ApiCreatedResponse({ type: IssuedTokenView, description: 'The token is in the body this once; only its hash is stored' })
  create(@Body() body: CreateTokenDto): Promise<IssuedTokenView> {
    return this.tokens.issue(body);
  }

  @Get()
  @ApiOkResponse({ type: TokenListView })
  async list(): Promise<TokenListView> {
    return { items: await this.tokens.list() };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; requests with it now get 401' })
  @ApiNotFoundResponse({ description: 'No token with this id' })
  async revoke(@Param('id') id: string): Promise<void> {
    await this.tokens.revoke(id);
  }
}
