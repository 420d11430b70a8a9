import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WORKSPACE = resolve(__dirname, '../../..');
const WAIT_MS = 30_000;

interface PlatformRun {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves with the first JSON log line whose msg matches; fails if the process exits first. */
  waitForLine: (msg: RegExp) => Promise<Record<string, unknown>>;
}

function runPlatform(env: NodeJS.ProcessEnv): PlatformRun {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/platform/src/main.ts'], {
    cwd: WORKSPACE,
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const find = (msg: RegExp) =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((record) => msg.test(String(record['msg'])));
  const waitForLine = (msg: RegExp) =>
    new Promise<Record<string, unknown>>((done, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        child.stdout.off('data', check);
        child.off('exit', onExit);
        if (error) reject(error);
      };
      const check = () => {
        const record = find(msg);
        if (record) {
          finish();
          done(record);
        }
      };
      const onExit = () => finish(new Error(`exited before ${msg}:\n${stdout}${stderr}`));
      const timer = setTimeout(() => finish(new Error(`no ${msg} within ${WAIT_MS} ms:\n${stdout}${stderr}`)), WAIT_MS);
      child.stdout.on('data', check);
      child.once('exit', onExit);
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, exited, waitForLine };
}

describe('apps/platform as a process', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'netkeep-platform-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts on SQLite under its data dir, says where the admin token is, answers /healthz, and exits 0 on SIGTERM', async () => {
    const run = runPlatform({ NETKEEP_DATA_DIR: dataDir, PORT: '0', NETKEEP_LOG_LEVEL: 'info' });
    try {
      const listening = await run.waitForLine(/^netkeep listening on /);
      expect(listening).toMatchObject({ mode: 'embedded', host: '127.0.0.1', database: `sqlite:${join(dataDir, 'netkeep.db')}` });
      const base = `http://127.0.0.1:${listening['port']}`;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });

      const tokenPath = join(dataDir, 'admin-token');
      expect(run.stdout()).toContain(`admin token written to ${tokenPath}`);
      expect((await stat(tokenPath)).mode & 0o777).toBe(0o600);
      const token = (await readFile(tokenPath, 'utf8')).trim();
      expect(run.stdout()).not.toContain(token);
      expect((await fetch(`${base}/api/v1/tokens`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await fetch(`${base}/api/v1/tokens`)).status).toBe(401);
    } finally {
      run.child.kill('SIGTERM');
    }
    const started = Date.now();
    expect(await run.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.stdout()).toMatch(/"msg":"SIGTERM: shutting down"[\s\S]*"msg":"stopped"/);
    expect(run.stdout().trim().split('\n').every((line) => line.startsWith('{') && line.endsWith('}'))).toBe(true);
  });

  it('refuses a bad variable with one line naming it and exit code 1', async () => {
    const run = runPlatform({ NETKEEP_DATA_DIR: dataDir, NETKEEP_SECRET_KEY: 'too-short' });
    expect(await run.exited).toBe(1);
    expect(run.stdout()).toBe('');
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? '');
    expect(record).toMatchObject({ level: 'fatal', variable: 'NETKEEP_SECRET_KEY' });
    expect(record.msg).toMatch(/^configuration error: NETKEEP_SECRET_KEY must be 32 bytes, base64 or hex/);
    expect(lines[0]).not.toContain('    at ');
  });
});
