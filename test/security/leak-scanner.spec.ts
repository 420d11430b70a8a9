import { describe, expect, it } from 'vitest';
import { LeakScanner } from './support/leak-scanner';

const SECRET = 'pa$$/word+Sentinel=42?&';

/** The scanner is only as good as the forms it knows: each must be found wherever it sits. */
describe('the leak scanner', () => {
  const found = (haystack: string | Buffer) => {
    const scanner = new LeakScanner();
    scanner.watch('password', SECRET);
    scanner.scan('haystack', haystack);
    return scanner.report();
  };

  it.each([
    ['as is in a log line', `{"msg":"login with ${SECRET} failed"}`],
    ['JSON-escaped', JSON.stringify({ value: `x\n${SECRET}` })],
    ['URL-encoded in a query', `/api?password=${encodeURIComponent(SECRET)}&x=1`],
    ['form-encoded', new URLSearchParams({ password: SECRET }).toString()],
    ['as hex', Buffer.from(`user:${SECRET}`).toString('hex')],
    ['in base64 at offset 0', Buffer.from(`${SECRET}!`).toString('base64')],
    ['in base64 at offset 1', Buffer.from(`a${SECRET}!`).toString('base64')],
    ['in base64 at offset 2', Buffer.from(`ab${SECRET}!`).toString('base64')],
    ['in base64url inside a JWT-like text', `eyJ.${Buffer.from(`{"p":"${SECRET}"}`).toString('base64url')}.sig`],
    ['in a binary file', Buffer.concat([Buffer.from([0, 1, 2, 255]), Buffer.from(SECRET), Buffer.from([0])])],
  ])('finds a secret %s', (_where, haystack) => {
    expect(found(haystack)).toHaveLength(1);
  });

  it('finds nothing where the secret is not, and names a found secret by its label only', () => {
    expect(found(`pa$$/word+Sentinel=43?& ${Buffer.from('pa$$/word').toString('base64')}`)).toEqual([]);
    const report = found(`before ${SECRET} after`);
    expect(report).toEqual(['password in haystack: …before [password]']);
    expect(report.join()).not.toContain(SECRET);
  });

  it('lets a source carry the secrets it may carry', () => {
    const scanner = new LeakScanner();
    scanner.watch('issued token', SECRET);
    scanner.scan('the answer that issued it', SECRET, new Set(['issued token']));
    expect(scanner.report()).toEqual([]);
  });
});
