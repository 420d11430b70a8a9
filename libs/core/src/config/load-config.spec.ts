import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config.error';
import { CONFIG_VARIABLES } from './config-variables';
import { loadConfig } from './load-config';

const KEY = randomBytes(32);
const TOKEN = 'a'.repeat(32);

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'netkeep-config-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  const embedded = (env: Record<string, string> = {}) => loadConfig({ NETKEEP_DATA_DIR: dataDir, ...env }, { mode: 'embedded' });
  const service = (env: Record<string, string> = {}) =>
    loadConfig(
      {
        NETKEEP_DATA_DIR: dataDir,
        DATABASE_URL: 'postgres://netkeep@db:5432/netkeep',
        NETKEEP_SECRET_KEY: KEY.toString('base64'),
        NETKEEP_SERVICE_TOKEN: 's'.repeat(32),
        ...env,
      },
      { mode: 'service' },
    );
  const problemOf = (load: () => unknown): ConfigError => {
    try {
      load();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return error as ConfigError;
    }
    throw new Error('expected a ConfigError');
  };

  it('applies the embedded defaults', () => {
    const config = embedded();
    expect(config).toMatchObject({
      mode: 'embedded',
      host: '127.0.0.1',
      port: 3000,
      dataDir,
      databaseUrl: `sqlite:${join(dataDir, 'netkeep.db')}`,
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'netkeep:',
      secretKeySource: 'file',
      logLevel: 'info',
      bodyLimitBytes: 5 * 1024 * 1024,
    });
    expect(config.adminToken).toBeUndefined();
    expect(config.serviceToken).toMatch(/^nk_svc_[A-Za-z0-9_-]{43}$/);
    expect(config.secretKey).toHaveLength(32);
  });

  it('generates the embedded secret key once, mode 0600, and reuses it', async () => {
    const first = embedded();
    const path = join(dataDir, 'secret-key');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const second = embedded();
    expect(second.secretKey.equals(first.secretKey)).toBe(true);
    expect(Buffer.from((await readFile(path, 'utf8')).trim(), 'base64').equals(first.secretKey)).toBe(true);
    expect(embedded().serviceToken).not.toBe(first.serviceToken);
  });

  it('refuses a secret-key file that holds no key, naming the variable and the file', async () => {
    await writeFile(join(dataDir, 'secret-key'), 'short\n');
    const error = problemOf(() => embedded());
    expect(error.variable).toBe('NETKEEP_SECRET_KEY');
    expect(error.message).toContain(join(dataDir, 'secret-key'));
  });

  it('accepts the key as hex, base64 and base64url', () => {
    for (const text of [KEY.toString('hex'), KEY.toString('base64'), KEY.toString('base64url')]) {
      const config = embedded({ NETKEEP_SECRET_KEY: text });
      expect(config.secretKey.equals(KEY)).toBe(true);
      expect(config.secretKeySource).toBe('environment');
    }
  });

  it('applies the service defaults and reads every variable', () => {
    const config = service({
      PORT: '8080',
      REDIS_URL: 'rediss://:pw@redis:6380/2',
      NETKEEP_REDIS_PREFIX: 'nk:',
      NETKEEP_ADMIN_TOKEN: TOKEN,
      NETKEEP_LOG_LEVEL: 'DEBUG',
      NETKEEP_BODY_LIMIT_MB: '0.5',
    });
    expect(config).toMatchObject({
      mode: 'service',
      host: '0.0.0.0',
      port: 8080,
      databaseUrl: 'postgres://netkeep@db:5432/netkeep',
      redisUrl: 'rediss://:pw@redis:6380/2',
      redisPrefix: 'nk:',
      adminToken: TOKEN,
      serviceToken: 's'.repeat(32),
      logLevel: 'debug',
      bodyLimitBytes: 512 * 1024,
    });
  });

  it('treats empty variables as unset', () => {
    expect(embedded({ PORT: '', NETKEEP_ADMIN_TOKEN: ' ' })).toMatchObject({ port: 3000, adminToken: undefined });
  });

  it('resolves a relative SQLite path and keeps :memory:', () => {
    expect(embedded({ DATABASE_URL: 'sqlite:data/x.db' }).databaseUrl).toBe(`sqlite:${join(process.cwd(), 'data/x.db')}`);
    expect(embedded({ DATABASE_URL: 'sqlite::memory:' }).databaseUrl).toBe('sqlite::memory:');
    expect(embedded({ DATABASE_URL: 'postgresql://u@h/db' }).databaseUrl).toBe('postgresql://u@h/db');
  });

  it('names the secret key size in the words the README uses', () => {
    const error = problemOf(() => embedded({ NETKEEP_SECRET_KEY: randomBytes(12).toString('base64') }));
    expect(error.message).toMatch(/^NETKEEP_SECRET_KEY must be 32 bytes, base64 or hex \(got 12 bytes\)/);
  });

  it.each([
    ['NETKEEP_HOST', { NETKEEP_HOST: 'local host' }, /spaces/],
    ['PORT', { PORT: 'http' }, /integer from 0 to 65535 \(got "http"\)/],
    ['PORT', { PORT: '70000' }, /integer from 0 to 65535/],
    ['PORT', { PORT: '-1' }, /integer from 0 to 65535/],
    ['NETKEEP_DATA_DIR', { NETKEEP_DATA_DIR: '/dev/null/netkeep' }, /directory netkeep can create/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/netkeep' }, /must start with sqlite: or postgres:\/\//],
    ['DATABASE_URL', { DATABASE_URL: 'sqlite:' }, /must name a file/],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://' }, /host|valid postgres/],
    ['REDIS_URL', { REDIS_URL: 'http://127.0.0.1:6379' }, /redis:\/\/ or rediss:\/\//],
    ['REDIS_URL', { REDIS_URL: 'localhost' }, /redis:\/\/ or rediss:\/\//],
    ['NETKEEP_REDIS_PREFIX', { NETKEEP_REDIS_PREFIX: 'net keep' }, /without spaces/],
    ['NETKEEP_SECRET_KEY', { NETKEEP_SECRET_KEY: 'not a key!' }, /neither hex nor base64/],
    ['NETKEEP_SECRET_KEY', { NETKEEP_SECRET_KEY: 'ab'.repeat(31) }, /got 31 bytes/],
    ['NETKEEP_ADMIN_TOKEN', { NETKEEP_ADMIN_TOKEN: 'admin' }, /at least 24 characters \(got 5\)/],
    ['NETKEEP_SERVICE_TOKEN', { NETKEEP_SERVICE_TOKEN: 'svc' }, /at least 24 characters/],
    ['NETKEEP_SERVICE_TOKEN', { NETKEEP_SERVICE_TOKEN: TOKEN, NETKEEP_ADMIN_TOKEN: TOKEN }, /differ from NETKEEP_ADMIN_TOKEN/],
    ['NETKEEP_LOG_LEVEL', { NETKEEP_LOG_LEVEL: 'loud' }, /one of fatal, error, warn, info, debug, trace, silent/],
    ['NETKEEP_BODY_LIMIT_MB', { NETKEEP_BODY_LIMIT_MB: '0' }, /above 0/],
    ['NETKEEP_BODY_LIMIT_MB', { NETKEEP_BODY_LIMIT_MB: 'lots' }, /number of megabytes/],
  ])('refuses a bad %s (%j)', (variable, env, why) => {
    const error = problemOf(() => embedded(env));
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable} `)).toBe(true);
    expect(error.message).toMatch(why);
    expect(error.message).not.toContain('\n');
  });

  it.each(['DATABASE_URL', 'NETKEEP_SECRET_KEY', 'NETKEEP_SERVICE_TOKEN'])('requires %s in service mode', (variable) => {
    const error = problemOf(() => service({ [variable]: '' }));
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^${variable} is required in service mode`));
  });

  it('reports every bad variable at once, on one line', () => {
    const error = problemOf(() => embedded({ PORT: 'x', NETKEEP_LOG_LEVEL: 'loud' }));
    expect(error.problems.map((p) => p.variable)).toEqual(['PORT', 'NETKEEP_LOG_LEVEL']);
    expect(error.message).toMatch(/^PORT .*; NETKEEP_LOG_LEVEL /);
  });

  it('never puts a secret value in an error message', () => {
    const secret = 'x'.repeat(10);
    const error = problemOf(() => embedded({ NETKEEP_ADMIN_TOKEN: secret, NETKEEP_SECRET_KEY: `${secret}==` }));
    expect(error.message).not.toContain(secret);
  });

  it('names a malformed NETKEEP_INVENTORY_URL, and defaults it to this process', () => {
    expect(() => embedded({ NETKEEP_INVENTORY_URL: 'inventory:3000' })).toThrow(/NETKEEP_INVENTORY_URL must be an http\(s\) URL/);
    expect(embedded({ PORT: '3100' }).inventoryUrl).toBe('http://127.0.0.1:3100');
  });

  it('resolves NETKEEP_WEB_DIR to an absolute path, and leaves it unset when not given', () => {
    expect(embedded({ NETKEEP_WEB_DIR: 'dist/apps/web' }).webDir).toBe(resolve('dist/apps/web'));
    expect(embedded().webDir).toBeUndefined();
  });

  it('documents every variable it reads', () => {
    expect(CONFIG_VARIABLES.map((v) => v.name)).toEqual([
      'NETKEEP_HOST',
      'PORT',
      'NETKEEP_DATA_DIR',
      'DATABASE_URL',
      'REDIS_URL',
      'NETKEEP_REDIS_PREFIX',
      'NETKEEP_SECRET_KEY',
      'NETKEEP_ADMIN_TOKEN',
      'NETKEEP_SERVICE_TOKEN',
      'NETKEEP_INVENTORY_URL',
      'NETKEEP_LOG_LEVEL',
      'NETKEEP_BODY_LIMIT_MB',
      'NETKEEP_WEB_DIR',
    ]);
    for (const variable of CONFIG_VARIABLES) expect(variable.meaning.length).toBeGreaterThan(10);
  });
});
