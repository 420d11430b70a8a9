import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from './current-principal.decorator';
import { WhoamiView } from './dto/whoami.view';
import type { Principal } from './principal';
import { Roles } from './roles.decorator';

@ApiTags('auth')
@Roles('viewer')
@Controller('api/v1/auth')
export class WhoamiController {
  @Get('whoami')
  @ApiOperation({ summary: 'Who the presented token belongs to', description: 'Its name and role, so a client offers only what that role may do.' })
  @ApiOkResponse({ type: WhoamiView })
  whoami(@CurrentPrincipal() principal: Principal): WhoamiView {
    return { name: principal.name, role: principal.role, kind: principal.kind, tokenId: principal.tokenId ?? null };
  }
}
