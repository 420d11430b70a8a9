import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app';
import { hashApiToken } from './api-token';
import { ApiTokensRepository } from './api-tokens.repository';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';

class SampleDto {
  @ApiProperty() @IsString() name!: string;
}

/** A stand-in for a domain controller: the defaults (viewer reads, operator writes) and each explicit role. */
@Controller('api/v1/samples')
class SampleController {
  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    return { principal };
  }

  @Post()
  create(@Body() body: SampleDto) {
    return { created: body.name };
  }

  @Roles('admin')
  @Get('admin')
  admin() {
    return { admin: true };
  }

  @Roles('service')
  @Get('internal')
  internal() {
    return { internal: true };
  }

  @Public()
  @Get('open')
  open() {
    return { open: true };
  }
}

@Module({ controllers: [SampleController] })
class SampleModule {}

type Caller = 'none' | 'garbled' | 'unknown' | 'expired' | 'revoked' | 'viewer' | 'operator' | 'admin' | 'service';
type Call = [method: string, path: string, body?: unknown];

const CALLS: Record<string, Call> = {
  'read sample': ['GET', '/api/v1/samples'],
  'write sample': ['POST', '/api/v1/samples', { name: 'x' }],
  'admin sample': ['GET', '/api/v1/samples/admin'],
  'internal sample': ['GET', '/api/v1/samples/internal'],
  'public sample': ['GET', '/api/v1/samples/open'],
  'list tokens': ['GET', '/api/v1/tokens'],
  'create token': ['POST', '/api/v1/tokens', { name: 'matrix', role: 'viewer' }],
};

const DENIED = { 'read sample': 401, 'write sample': 401, 'admin sample': 401, 'internal sample': 401, 'public sample': 200, 'list tokens': 401, 'create token': 401 };
const MATRIX: Record<Caller, Record<keyof typeof CALLS, number>> = {
  none: DENIED,
  garbled: DENIED,
  unknown: DENIED,
  expired: DENIED,
  revoked: DENIED,
  viewer: { 'read sample': 200, 'write sample': 403, 'admin sample': 403, 'internal sample': 403, 'public sample': 200, 'list tokens': 403, 'create token': 403 },
  operator: { 'read sample': 200, 'write sample': 201, 'admin sample': 403, 'internal sample': 403, 'public sample': 200, 'list tokens': 403, 'create token': 403 },
  admin: { 'read sample': 200, 'write sample': 201, 'admin sample': 200, 'internal sample': 403, 'public sample': 200, 'list tokens': 200, 'create token': 201 },
  service: { 'read sample': 200, 'write sample': 403, 'admin sample': 403, 'internal sample': 200, 'public sample': 200, 'list tokens': 403, 'create token': 403 },
};

describe.each(['sqlite', 'postgres'] as const)('auth and the tokens API on %s', (kind) => {
  let t: TestApp;
  const headers: Partial<Record<Caller, Record<string, string>>> = {};
  const issued: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ database: kind, domains: [{ module: SampleModule }] });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      const token = await t.tokenFor(role);
      issued.push(token);
      headers[role] = bearer(token);
    }
    headers.none = {};
    headers.garbled = { authorization: 'Token abc def' };
    headers.unknown = bearer(`nk_${'A'.repeat(43)}`);
    headers.service = bearer(t.serviceToken);
    const expired = `nk_${'E'.repeat(43)}`;
    await t.app.get(ApiTokensRepository).insert({
      name: 'old-ci',
      role: 'admin',
      tokenHash: hashApiToken(expired),
      createdAt: '2020-01-01T00:00:00.000Z',
      expiresAt: '2021-01-01T00:00:00.000Z',
    });
    headers.expired = bearer(expired);
    const revoked = await t.request('POST', '/api/v1/tokens', { token: t.adminToken, body: { name: 'to-revoke', role: 'admin' } });
    issued.push(revoked.body.token);
    expect((await t.request('DELETE', `/api/v1/tokens/${revoked.body.id}`, { token: t.adminToken })).status).toBe(204);
    headers.revoked = bearer(revoked.body.token);
  });
  afterAll(() => t?.close());

  const cases = Object.entries(MATRIX).flatMap(([caller, row]) =>
    Object.entries(row).map(([call, status]) => [caller as Caller, call, status] as const),
  );
  it.each(cases)('%s → %s → %i', async (caller, call, status) => {
    const [method, path, body] = CALLS[call] as Call;
    const response = await t.request(method, path, { headers: headers[caller], body });
    expect(response.status).toBe(status);
    if (status === 401) {
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: expect.any(String) });
    }
    if (status === 403) expect(response.body.message).toMatch(/needs the \w+ role|netkeep services only/);
  });

  it('says why a token is refused', async () => {
    const message = async (caller: Caller) => (await t.request('GET', '/api/v1/samples', { headers: headers[caller] })).body.message;
    expect(await message('none')).toMatch(/^Missing bearer token/);
    expect(await message('garbled')).toMatch(/^Malformed Authorization header/);
    expect(await message('unknown')).toMatch(/^Unknown token/);
    expect(await message('expired')).toBe('Token "old-ci" expired at 2021-01-01T00:00:00.000Z; ask an admin for a new one');
    expect(await message('revoked')).toMatch(/^Token "to-revoke" was revoked at \d{4}-/);
    const forbidden = await t.request('POST', '/api/v1/samples', { headers: headers.viewer, body: { name: 'x' } });
    expect(forbidden.body.message).toBe('This action needs the operator role; token "test-viewer" has viewer');
  });

  it('hands the principal to the handler', async () => {
    const asViewer = await t.request('GET', '/api/v1/samples', { headers: headers.viewer });
    expect(asViewer.body.principal).toEqual({ kind: 'user', tokenId: expect.any(String), role: 'viewer', name: 'test-viewer' });
    const asService = await t.request('GET', '/api/v1/samples', { headers: headers.service });
    expect(asService.body.principal).toEqual({ kind: 'service', role: 'service', name: 'netkeep-service' });
  });

  it('issues a token once, lists it without secrets, and revokes it for good', async () => {
    const created = await t.request('POST', '/api/v1/tokens', {
      token: t.adminToken,
      body: { name: 'backup-bot', role: 'operator', expiresAt: '2099-01-01T00:00:00Z' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'backup-bot',
      role: 'operator',
      token: expect.stringMatching(/^nk_[A-Za-z0-9_-]{43}$/),
      createdAt: expect.stringMatching(/Z$/),
      expiresAt: '2099-01-01T00:00:00.000Z',
      revokedAt: null,
      lastUsedAt: null,
    });
    const token: string = created.body.token;
    issued.push(token);
    expect((await t.request('POST', '/api/v1/samples', { token, body: { name: 'y' } })).status).toBe(201);

    const list = await t.request('GET', '/api/v1/tokens', { token: t.adminToken });
    const listed = list.body.items.find((item: { id: string }) => item.id === created.body.id);
    expect(Object.keys(listed).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'revokedAt', 'role']);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(JSON.stringify(list.body)).not.toContain(hashApiToken(token));

    expect((await t.request('DELETE', `/api/v1/tokens/${created.body.id}`, { token: t.adminToken })).status).toBe(204);
    expect((await t.request('GET', '/api/v1/samples', { token })).status).toBe(401);
    // Revoking again is harmless and keeps the first time.
    const again = await t.request('DELETE', `/api/v1/tokens/${created.body.id}`, { token: t.adminToken });
    expect(again.status).toBe(204);
  });

  it('stores only the SHA-256 of each token', async () => {
    const rows = await t.database.db.selectFrom('api_tokens').selectAll().execute();
    const dump = JSON.stringify(rows);
    for (const token of [...issued, t.adminToken]) {
      expect(dump).not.toContain(token);
      expect(rows.some((row) => row.token_hash === hashApiToken(token))).toBe(true);
    }
  });

  it.each([
    [{ name: 'x', role: 'service' }, 'role', /role must be one of viewer, operator, admin/],
    [{ name: 'x', role: 'root' }, 'role', /role must be one of/],
    [{ role: 'viewer' }, 'name', /name must be a string/],
    [{ name: 'ci\r\nrole=admin', role: 'viewer' }, 'name', /one line without control characters/],
    [{ name: 'x', role: 'viewer', expiresAt: 'tomorrow' }, 'expiresAt', /ISO 8601/],
    [{ name: 'x', role: 'viewer', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt', /must lie in the future/],
    [{ name: 'x', role: 'viewer', token: 'chosen' }, 'token', /should not exist/],
  ])('refuses a bad token request %j and stores nothing', async (body, field, problem) => {
    const before = (await t.request('GET', '/api/v1/tokens', { token: t.adminToken })).body.items.length;
    const response = await t.request('POST', '/api/v1/tokens', { token: t.adminToken, body });
    expect(response.status).toBe(400);
    const error = response.body.errors.find((e: { field: string }) => e.field === field);
    expect(error.problems.join(' ')).toMatch(problem);
    expect((await t.request('GET', '/api/v1/tokens', { token: t.adminToken })).body.items.length).toBe(before);
  });

  it('answers 404 for revoking an unknown token', async () => {
    const response = await t.request('DELETE', '/api/v1/tokens/00000000-0000-4000-8000-000000000000', { token: t.adminToken });
    expect(response.status).toBe(404);
    expect(response.body.message).toMatch(/No API token with id 00000000-0000-4000-8000-000000000000/);
  });

  it('never writes a token or the authorization header to the log', () => {
    const text = t.logs.text();
    expect(text.length).toBeGreaterThan(0);
    for (const token of [...issued, t.adminToken, t.serviceToken]) expect(text).not.toContain(token);
    expect(text.toLowerCase()).not.toContain('bearer nk_');
  });
});
