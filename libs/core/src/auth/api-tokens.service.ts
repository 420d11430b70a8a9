import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { NotFoundError, ValidationFailedError } from '../errors/domain.errors';
import { generateApiToken, hashApiToken } from './api-token';
import { type ApiTokenRecord, ApiTokensRepository } from './api-tokens.repository';
import type { AssignableRole } from './role';

export interface CreateApiToken {
  name: string;
  role: AssignableRole;
  /** ISO-8601; must lie in the future. */
  expiresAt?: string;
}

/** A new token: the only time its plain value exists outside the caller's hands. */
export interface IssuedApiToken extends ApiTokenRecord {
  token: string;
}

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async issue(request: CreateApiToken): Promise<IssuedApiToken> {
    const now = this.clock.now();
    let expiresAt: string | null = null;
    if (request.expiresAt !== undefined) {
      const expiry = new Date(request.expiresAt);
      if (Number.isNaN(expiry.getTime())) throw ValidationFailedError.forField('expiresAt', 'expiresAt must be an ISO 8601 date');
      if (expiry <= now) throw ValidationFailedError.forField('expiresAt', `expiresAt must lie in the future (now is ${now.toISOString()})`);
      expiresAt = expiry.toISOString();
    }
    const token = generateApiToken();
    const record = await this.tokens.insert({
      name: request.name,
      role: request.role,
      tokenHash: hashApiToken(token),
      createdAt: now.toISOString(),
      expiresAt,
    });
    return { ...record, token };
  }

  list(): Promise<ApiTokenRecord[]> {
    return this.tokens.list();
  }

  /** Revokes at once and for good; revoking twice keeps the first time. */
  async revoke(id: string): Promise<ApiTokenRecord> {
    const revoked = await this.tokens.revoke(id, this.clock.now().toISOString());
    if (!revoked) throw new NotFoundError(`No API token with id ${id}; GET /api/v1/tokens lists them`);
    return revoked;
  }
}
