import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('GET /api/v1/auth/whoami', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it.each(['viewer', 'operator', 'admin'] as const)('names a %s token and its role, never the token', async (role) => {
    const token = await t.tokenFor(role, `console-${role}`);
    const response = await t.request('GET', '/api/v1/auth/whoami', { token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ name: `console-${role}`, role, kind: 'user', tokenId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(response.body)).not.toContain(token);
  });

  it('answers the service token as the service role, without a token id', async () => {
    const response = await t.request('GET', '/api/v1/auth/whoami', { token: t.serviceToken });
    expect(response.body).toEqual({ name: 'netkeep-service', role: 'service', kind: 'service', tokenId: null });
  });

  it('refuses a missing or unknown token with the message a person can act on', async () => {
    const missing = await t.request('GET', '/api/v1/auth/whoami');
    expect(missing.status).toBe(401);
    expect(missing.body.message).toMatch(/^Missing bearer token/);
    const unknown = await t.request('GET', '/api/v1/auth/whoami', { token: `nk_${'Z'.repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toMatch(/^Unknown token/);
  });
});
