import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FixedClock } from '../clock/clock';
import type { NetkeepConfig } from '../config/netkeep-config';
import { hashApiToken } from './api-token';
import type { ApiTokenRecord, ApiTokensRepository } from './api-tokens.repository';
import { TokenAuthenticator } from './token-authenticator';

// The real timingSafeEqual, watched: every comparison of a presented token must go through it.
const crypto = vi.hoisted(() => ({ timingSafeEqual: vi.fn() }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  crypto.timingSafeEqual.mockImplementation(actual.timingSafeEqual);
  return { ...actual, default: { ...actual, timingSafeEqual: crypto.timingSafeEqual }, timingSafeEqual: crypto.timingSafeEqual };
});

const SERVICE_TOKEN = `nk_svc_${'s'.repeat(43)}`;
const USER_TOKEN = `nk_${'u'.repeat(43)}`;

/** The repository as the authenticator uses it: a lookup by hash, and the last-use touch. */
class TokensByHash {
  readonly lookups: string[] = [];
  readonly touched: string[] = [];
  private readonly stored = new Map<string, ApiTokenRecord & { tokenHash: string }>();

  add(token: string, record: Partial<ApiTokenRecord> = {}): void {
    const tokenHash = hashApiToken(token);
    this.stored.set(tokenHash, { id: 't1', name: 'ops', role: 'operator', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: null, revokedAt: null, lastUsedAt: null, ...record, tokenHash });
  }

  async findByHash(tokenHash: string) {
    this.lookups.push(tokenHash);
    return this.stored.get(tokenHash);
  }

  async touch(id: string): Promise<void> {
    this.touched.push(id);
  }
}

describe('token comparison', () => {
  let tokens: TokensByHash;
  let authenticator: TokenAuthenticator;

  beforeEach(() => {
    crypto.timingSafeEqual.mockClear();
    tokens = new TokensByHash();
    tokens.add(USER_TOKEN);
    const config = { serviceToken: SERVICE_TOKEN } as NetkeepConfig;
    authenticator = new TokenAuthenticator(tokens as unknown as ApiTokensRepository, new FixedClock(new Date('2026-06-01T00:00:00Z')), config);
  });

  /** Every call compared two SHA-256 digests: equal lengths whatever was presented, so the time says nothing about the token. */
  const comparedDigestsOnly = () => {
    expect(crypto.timingSafeEqual).toHaveBeenCalled();
    for (const [left, right] of crypto.timingSafeEqual.mock.calls as [Buffer, Buffer][]) {
      expect([left.length, right.length]).toEqual([32, 32]);
    }
  };

  it.each([
    ['the service token', `Bearer ${SERVICE_TOKEN}`, true],
    ['a stored token', `Bearer ${USER_TOKEN}`, true],
    ['an unknown token of the same length', `Bearer nk_${'x'.repeat(43)}`, false],
    ['a one-character token', 'Bearer x', false],
    ['a 4 KB token', `Bearer ${'y'.repeat(4096)}`, false],
  ])('compares %s with crypto.timingSafeEqual on digests, never as a string', async (_what, header, accepted) => {
    const result = await authenticator.authenticate(header);
    expect(result.ok).toBe(accepted);
    comparedDigestsOnly();
  });

  it('looks stored tokens up by their SHA-256, never by the token itself', async () => {
    await authenticator.authenticate(`Bearer ${USER_TOKEN}`);
    await authenticator.authenticate('Bearer nk_not-stored');
    expect(tokens.lookups).toEqual([hashApiToken(USER_TOKEN), hashApiToken('nk_not-stored')]);
    expect(tokens.lookups.join()).not.toContain(USER_TOKEN);
  });
});
