import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app';
import { embeddedWebConsoleCandidates, locateWebConsole } from './locate-web-console';

const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body></body></html>';
const SCRIPT = 'console.log("console");';

async function builtConsole(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'netkeep-web-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), INDEX_HTML);
  await writeFile(join(dir, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  await writeFile(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  await writeFile(join(dir, '.env'), 'NOT_FOR_THE_BROWSER=1\n');
  return dir;
}

describe('the web console served at / (NETKEEP_WEB_DIR)', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = await builtConsole();
    t = await startTestApp({ env: { NETKEEP_WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(webDir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers });

  it('answers / with index.html, revalidated on every load and under a content security policy', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('falls back to index.html for any other page path', async () => {
    for (const path of ['/devices', '/devices/9d46be4c/config?line=12', '/runs/']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(INDEX_HTML);
    }
  });

  it('serves hashed assets with a year-long immutable cache, and other files revalidated', async () => {
    const script = await get('/assets/index-Ab12Cd34.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe(SCRIPT);
    const robots = await get('/robots.txt');
    expect(robots.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers an unchanged index.html with 304 on revalidation', async () => {
    const etag = (await get('/')).headers.get('etag');
    expect(etag).toBeTruthy();
    // node:http, as a browser revalidates: fetch adds `Cache-Control: no-cache` to a conditional request, which asks for the full answer.
    const status = await new Promise<number | undefined>((done, fail) =>
      httpGet(`${t.url}/`, { headers: { 'if-none-match': etag ?? '' } }, (response) => done(response.resume().statusCode)).on('error', fail),
    );
    expect(status).toBe(304);
  });

  it('answers a missing asset with a 404 JSON error, not index.html', async () => {
    const response = await get('/assets/index-gone.js');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, message: 'No file /assets/index-gone.js in the web console; reload the page to get the current version' });
  });

  it('never serves dotfiles or anything outside its directory', async () => {
    expect(await (await get('/.env')).text()).not.toContain('NOT_FOR_THE_BROWSER');
    for (const path of ['/..%2F..%2Fetc%2Fpasswd', '/assets/..%2F..%2F..%2Fetc%2Fpasswd']) {
      const response = await get(path);
      expect(await response.text(), path).not.toContain('root:');
    }
  });

  it('leaves the API, the probes and the metrics alone', async () => {
    const unknownApi = await get('/api/v2/devices');
    expect(unknownApi.status).toBe(404);
    expect(await unknownApi.json()).toMatchObject({ message: 'No route GET /api/v2/devices; the API lives under /api/v1 (see /api/docs)' });
    expect((await get('/api/v1/devices-that-do-not-exist')).status).toBe(404);
    expect(await (await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await get('/metrics')).headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await get('/api/v1/tokens')).status).toBe(401);
    expect((await get('/api/docs/json')).headers.get('content-type')).toMatch(/json/);
  });

  it('answers writes to page paths as unknown routes', async () => {
    const response = await fetch(`${t.url}/devices`, { method: 'POST' });
    expect(response.status).toBe(404);
  });
});

describe('locateWebConsole', () => {
  let webDir: string;
  beforeAll(async () => {
    webDir = await builtConsole();
  });
  afterAll(() => rm(webDir, { recursive: true, force: true }));

  it('takes NETKEEP_WEB_DIR when it holds an index.html, and says what is wrong when it does not', () => {
    expect(locateWebConsole({ mode: 'service', webDir })).toEqual({ dir: webDir });
    const missing = locateWebConsole({ mode: 'service', webDir: join(webDir, 'assets') });
    expect(missing.dir).toBeUndefined();
    expect(missing.problem).toMatch(/^NETKEEP_WEB_DIR=.*assets has no index.html: build the console/);
  });

  it('looks beside the bundle and in dist/apps/web in embedded mode only', () => {
    expect(embeddedWebConsoleCandidates('/app/main.js', '/app')).toEqual(['/app/web', '/web', '/app/dist/apps/web']);
    expect(embeddedWebConsoleCandidates('/w/dist/apps/platform/main.js', '/w')).toEqual(['/w/dist/apps/platform/web', '/w/dist/apps/web']);
    expect(locateWebConsole({ mode: 'embedded' }, ['/nowhere', webDir])).toEqual({ dir: webDir });
    expect(locateWebConsole({ mode: 'embedded' }, ['/nowhere'])).toEqual({ dir: undefined });
    expect(locateWebConsole({ mode: 'service' }, [webDir])).toEqual({});
  });
});
