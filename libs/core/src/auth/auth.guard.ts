import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY, REQUIRED_ROLE_KEY } from './auth.constants';
import type { Principal } from './principal';
import { type Role, roleSatisfies } from './role';
import { TokenAuthenticator } from './token-authenticator';

interface AuthenticatedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Global guard: every route needs a bearer token unless marked @Public(). The role needed is
 * @Roles(...) on the handler or controller, else viewer for reads and operator for writes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    private readonly authenticator: TokenAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['authorization'];
    const authentication = await this.authenticator.authenticate(Array.isArray(header) ? header[0] : header);
    if (!authentication.ok) throw new UnauthorizedException(authentication.reason);

    const { principal } = authentication;
    request.principal = principal;
    const needed =
      this.reflector.getAllAndOverride<Role>(REQUIRED_ROLE_KEY, targets) ??
      (READ_METHODS.has(request.method.toUpperCase()) ? 'viewer' : 'operator');
    if (!roleSatisfies(principal.role, needed)) {
      throw new ForbiddenException(
        needed === 'service'
          ? 'This endpoint is for netkeep services only'
          : `This action needs the ${needed} role; token "${principal.name}" has ${principal.role}`,
      );
    }
    return true;
  }
}
