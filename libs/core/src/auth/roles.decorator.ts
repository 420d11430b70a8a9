import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { REQUIRED_ROLE_KEY } from './auth.constants';
import type { Role } from './role';

/**
 * The least role a route needs (on a handler or a controller; the handler wins). Without it a
 * route needs `viewer` for GET/HEAD and `operator` for everything else.
 */
export const Roles = (role: Role) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLE_KEY, role),
    ApiUnauthorizedResponse({ description: 'Missing, unknown, expired or revoked token' }),
    ApiForbiddenResponse({ description: `Needs the ${role} role` }),
  );
