import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { CONFIG } from '../config/config.constants';
import type { NetkeepConfig } from '../config/netkeep-config';
import { hashApiToken, hashesEqual } from './api-token';
import { ApiTokensRepository } from './api-tokens.repository';
import type { Principal } from './principal';

export type Authentication = { ok: true; principal: Principal } | { ok: false; reason: string };

/** last_used_at is advisory: one write per token per minute is plenty. */
const TOUCH_INTERVAL_MS = 60_000;

/** Turns an Authorization header into a principal, or says why not. Tokens are compared by hash, in constant time. */
@Injectable()
export class TokenAuthenticator {
  private readonly serviceTokenHash: string;

  constructor(
    private readonly tokens: ApiTokensRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CONFIG) config: NetkeepConfig,
  ) {
    this.serviceTokenHash = hashApiToken(config.serviceToken);
  }

  async authenticate(authorization: string | undefined): Promise<Authentication> {
    if (authorization === undefined || authorization.trim() === '') {
      return { ok: false, reason: "Missing bearer token: send the header 'Authorization: Bearer <token>'" };
    }
    const presented = /^Bearer +([\x21-\x7e]+)$/i.exec(authorization.trim())?.[1];
    if (!presented) return { ok: false, reason: "Malformed Authorization header: expected 'Bearer <token>'" };
    const presentedHash = hashApiToken(presented);

    if (hashesEqual(presentedHash, this.serviceTokenHash)) {
      return { ok: true, principal: { kind: 'service', role: 'service', name: 'netkeep-service' } };
    }
    const stored = await this.tokens.findByHash(presentedHash);
    if (!stored || !hashesEqual(stored.tokenHash, presentedHash)) {
      return { ok: false, reason: 'Unknown token: check it was copied whole, or ask an admin for a new one' };
    }
    const now = this.clock.now();
    if (stored.revokedAt !== null) {
      return { ok: false, reason: `Token "${stored.name}" was revoked at ${stored.revokedAt}; ask an admin for a new one` };
    }
    if (stored.expiresAt !== null && new Date(stored.expiresAt) <= now) {
      return { ok: false, reason: `Token "${stored.name}" expired at ${stored.expiresAt}; ask an admin for a new one` };
    }
    if (stored.lastUsedAt === null || now.getTime() - new Date(stored.lastUsedAt).getTime() >= TOUCH_INTERVAL_MS) {
      await this.tokens.touch(stored.id, now.toISOString());
    }
    return { ok: true, principal: { kind: 'user', tokenId: stored.id, role: stored.role, name: stored.name } };
  }
}
