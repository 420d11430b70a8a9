import { roleSatisfies, type Role } from '@netkeep/core';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FuzzResponse } from '../api-robustness/support/fuzz-report';
import { SeededPlatform } from '../api-robustness/support/seeded-platform';
import type { OpenApiDocument } from '../api-robustness/support/openapi-operations';
import { toGeneratedRequest } from '../api-robustness/support/request-parts';
import { inRunOrder } from '../api-robustness/support/run-order';
import { SeededRandom } from '../api-robustness/support/seeded-random';
import { validRequest } from '../api-robustness/support/valid-requests';
import { documentedRole, ROLE_POLICY, UNDOCUMENTED_PUBLIC_PATHS, type LeastRole } from './support/role-policy';

/** Callers without a usable token, each refused with 401 everywhere but on public routes. */
const REFUSED = ['no token', 'malformed header', 'unknown token', 'expired admin token', 'revoked admin token'] as const;
const ROLES = ['viewer', 'operator', 'admin', 'service'] as const;
type Caller = (typeof REFUSED)[number] | (typeof ROLES)[number];

const EXPIRY_MS = 1_500;

function expected(least: LeastRole, caller: Caller): 'allowed' | 401 | 403 {
  if (least === 'public') return 'allowed';
  if ((REFUSED as readonly string[]).includes(caller)) return 401;
  return roleSatisfies(caller as Role, least) ? 'allowed' : 403;
}

function message(response: FuzzResponse): string {
  try {
    return String((JSON.parse(response.text) as { message?: unknown }).message ?? '');
  } catch {
    return '';
  }
}

describe('the role matrix of every platform operation', () => {
  let target: SeededPlatform;
  let document: OpenApiDocument & { paths: Record<string, Record<string, { responses?: Record<string, { description?: string }> }>> };
  const headers = new Map<Caller, string | null>();

  beforeAll(async () => {
    target = await SeededPlatform.start('sqlite');
    const app = target.app;
    document = (await app.request('GET', '/api/docs/json')).body;
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      headers.set(role, `Bearer ${await app.tokenFor(role, `matrix-${role}`)}`);
      target.pools.protectedTokenNames.add(`matrix-${role}`);
    }
    headers.set('service', `Bearer ${app.serviceToken}`);
    headers.set('no token', null);
    headers.set('unknown token', `Bearer nk_${randomBytes(32).toString('base64url')}`);

    const issue = async (name: string, expiresAt?: string) => {
      const issued = await app.request('POST', '/api/v1/tokens', { token: app.adminToken, body: { name, role: 'admin', expiresAt } });
      expect(issued.status).toBe(201);
      expect((await app.request('GET', '/api/v1/auth/whoami', { token: issued.body.token })).status, `${name} works before it is refused`).toBe(200);
      return issued.body as { id: string; token: string };
    };
    const expiring = await issue('matrix-expiring', new Date(Date.now() + EXPIRY_MS).toISOString());
    const revoked = await issue('matrix-revoked');
    expect((await app.request('DELETE', `/api/v1/tokens/${revoked.id}`, { token: app.adminToken })).status).toBe(204);
    headers.set('revoked admin token', `Bearer ${revoked.token}`);
    headers.set('expired admin token', `Bearer ${expiring.token}`);
    await new Promise((resolve) => setTimeout(resolve, EXPIRY_MS + 100));
  }, 60_000);

  afterAll(() => target?.close());

  it('has a reviewed least role for every documented operation, and the controllers declare exactly that role', () => {
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const key = `${method.toUpperCase()} ${path}`;
        const policy = ROLE_POLICY[key];
        const declared = documentedRole(operation) ?? 'public';
        if (!policy) problems.push(`${key} is not in ROLE_POLICY: decide who may call it (the controller says ${declared})`);
        else if (policy !== declared) problems.push(`${key}: the policy says ${policy}, the controller declares ${declared}`);
      }
    }
    const documented = new Set(target.operations.map((operation) => operation.key));
    for (const key of Object.keys(ROLE_POLICY)) if (!documented.has(key)) problems.push(`${key} is in ROLE_POLICY but the platform does not serve it`);
    expect(problems).toEqual([]);
  });

  it('answers every operation as each caller would expect: 401 without a usable token, 403 below the least role, through otherwise', async () => {
    const random = new SeededRandom(1);
    const callers = [...REFUSED, ...ROLES];
    const problems: string[] = [];
    const malformed = ['Token abc', 'Bearer', 'Basic bmV0a2VlcDpzZWNyZXQ=', 'Bearer two words', `bearer\t${randomBytes(8).toString('hex')}`];
    let checked = 0;
    for (const operation of inRunOrder(target.operations)) {
      const least = ROLE_POLICY[operation.key];
      if (!least) continue;
      for (const caller of callers) {
        const request = toGeneratedRequest(operation, validRequest(operation, { random, pools: target.pools }), 'valid');
        const header = caller === 'malformed header' ? random.pick(malformed) : (headers.get(caller) ?? null);
        const response = await target.send(request, header);
        checked++;
        const want = expected(least, caller);
        const got = `${operation.key} as ${caller}: ${response.status} ${response.text.slice(0, 160)}`;
        if (want === 'allowed' && (response.status === 401 || response.status === 403 || response.status >= 500)) problems.push(`${got} (expected to pass)`);
        if (want === 401 && (response.status !== 401 || response.headers?.get('www-authenticate') !== 'Bearer' || message(response) === '')) problems.push(`${got} (expected 401 with WWW-Authenticate: Bearer and a message)`);
        if (want === 403 && (response.status !== 403 || !/needs the \w+ role|netkeep services only/.test(message(response)))) problems.push(`${got} (expected 403 naming the role)`);
      }
      await target.refreshPools();
    }
    for (const path of UNDOCUMENTED_PUBLIC_PATHS) {
      for (const caller of callers) {
        const header = headers.get(caller);
        const response = await fetch(`${target.app.url}${path}`, { headers: header ? { authorization: header } : {} });
        if (response.status !== 200) problems.push(`GET ${path} as ${caller}: ${response.status} (public)`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(Object.keys(ROLE_POLICY).length * callers.length);
    expect(problems).toEqual([]);
  });

  it('says why an expired or a revoked token is refused', async () => {
    const whoami = async (caller: Caller) => {
      const response = await fetch(`${target.app.url}/api/v1/auth/whoami`, { headers: { authorization: headers.get(caller) ?? '' } });
      return { status: response.status, body: (await response.json()) as { message: string } };
    };
    expect(await whoami('expired admin token')).toEqual({ status: 401, body: expect.objectContaining({ message: expect.stringMatching(/^Token "matrix-expiring" expired at /) }) });
    expect(await whoami('revoked admin token')).toEqual({ status: 401, body: expect.objectContaining({ message: expect.stringMatching(/^Token "matrix-revoked" was revoked at /) }) });
  });
});
