import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError, type ConfigProblem } from './config.error';
import type { LogLevel, NetkeepConfig, NetkeepMode } from './netkeep-config';
import { decodeSecretKey, readOrCreateSecretKeyFile } from './secret-key';

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const MIN_TOKEN_LENGTH = 24;
const MAX_BODY_LIMIT_MB = 1024;
const GENERATE_HINT = 'generate one with `openssl rand -base64 32`';

export interface ConfigDefaults {
  mode: NetkeepMode;
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates every netkeep variable; throws one `ConfigError` naming each bad variable.
 * Embedded mode creates the data directory and, when NETKEEP_SECRET_KEY is unset, the key file in it.
 */
export function loadConfig(env: Env = process.env, defaults: ConfigDefaults = { mode: 'embedded' }): NetkeepConfig {
  const { mode } = defaults;
  const problems: ConfigProblem[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const fail = (variable: string, problem: string): undefined => {
    problems.push({ variable, problem: `${variable} ${problem}` });
    return undefined;
  };

  const host = read('NETKEEP_HOST') ?? (mode === 'embedded' ? '127.0.0.1' : '0.0.0.0');
  if (/\s/.test(host)) fail('NETKEEP_HOST', `must be a host name or address without spaces (got "${host}")`);

  const port = parsePort(read('PORT') ?? '3000') ?? fail('PORT', `must be an integer from 0 to 65535 (got "${read('PORT')}")`);

  const dataDir = resolve(read('NETKEEP_DATA_DIR') ?? './.netkeep');
  if (mode === 'embedded') {
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      fail('NETKEEP_DATA_DIR', `must be a directory netkeep can create and write (${dataDir}: ${(error as Error).message})`);
    }
  }

  const databaseUrl = checkDatabaseUrl(read('DATABASE_URL'), mode, dataDir, fail);
  const redisUrl = checkRedisUrl(read('REDIS_URL') ?? 'redis://127.0.0.1:6379', fail);

  const redisPrefix = read('NETKEEP_REDIS_PREFIX') ?? 'netkeep:';
  if (/\s/.test(redisPrefix) || redisPrefix.length > 64) fail('NETKEEP_REDIS_PREFIX', 'must be at most 64 characters without spaces');

  const secret = readSecretKey(read('NETKEEP_SECRET_KEY'), mode, dataDir, dataDirUsable(problems), fail);

  const adminToken = read('NETKEEP_ADMIN_TOKEN');
  if (adminToken !== undefined) checkToken('NETKEEP_ADMIN_TOKEN', adminToken, fail);

  let serviceToken = read('NETKEEP_SERVICE_TOKEN');
  if (serviceToken !== undefined) checkToken('NETKEEP_SERVICE_TOKEN', serviceToken, fail);
  else if (mode === 'service') fail('NETKEEP_SERVICE_TOKEN', `is required in service mode: the services share it for internal calls; ${GENERATE_HINT}`);
  else serviceToken = `nk_svc_${randomBytes(32).toString('base64url')}`;
  if (serviceToken !== undefined && serviceToken === adminToken) fail('NETKEEP_SERVICE_TOKEN', 'must differ from NETKEEP_ADMIN_TOKEN');

  const logLevel = (read('NETKEEP_LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) fail('NETKEEP_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${read('NETKEEP_LOG_LEVEL')}")`);

  const bodyLimitText = read('NETKEEP_BODY_LIMIT_MB') ?? '5';
  const bodyLimitMb = Number(bodyLimitText);
  if (!/^\d+(\.\d+)?$/.test(bodyLimitText) || bodyLimitMb <= 0 || bodyLimitMb > MAX_BODY_LIMIT_MB) {
    fail('NETKEEP_BODY_LIMIT_MB', `must be a number of megabytes above 0 and at most ${MAX_BODY_LIMIT_MB} (got "${bodyLimitText}")`);
  }

  const inventoryUrl = read('NETKEEP_INVENTORY_URL') ?? `http://127.0.0.1:${port ?? 3000}`;
  if (!/^https?:\/\/[^/\s]+/.test(inventoryUrl)) fail('NETKEEP_INVENTORY_URL', `must be an http(s) URL of the inventory service (got "${inventoryUrl}")`);

  const webDirText = read('NETKEEP_WEB_DIR');
  const webDir = webDirText === undefined ? undefined : resolve(webDirText);

  if (problems.length > 0 || port === undefined || !databaseUrl || !redisUrl || !secret || !serviceToken) {
    throw new ConfigError(problems);
  }
  return {
    mode,
    host,
    port,
    dataDir,
    databaseUrl,
    redisUrl,
    redisPrefix,
    secretKey: secret.key,
    secretKeySource: secret.source,
    adminToken,
    serviceToken,
    logLevel,
    bodyLimitBytes: Math.round(bodyLimitMb * 1024 * 1024),
    inventoryUrl,
    webDir,
  };
}

type Fail = (variable: string, problem: string) => undefined;

// The key file lives in the data directory: skip it when that directory could not be made.
function dataDirUsable(problems: ConfigProblem[]): boolean {
  return !problems.some((p) => p.variable === 'NETKEEP_DATA_DIR');
}

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

function checkDatabaseUrl(url: string | undefined, mode: NetkeepMode, dataDir: string, fail: Fail): string | undefined {
  if (url === undefined) {
    if (mode === 'service') return fail('DATABASE_URL', 'is required in service mode (e.g. postgres://netkeep@postgres:5432/netkeep)');
    return `sqlite:${join(dataDir, 'netkeep.db')}`;
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) return fail('DATABASE_URL', 'must name a file after sqlite: (e.g. sqlite:./.netkeep/netkeep.db or sqlite::memory:)');
    return path === ':memory:' || isAbsolute(path) ? `sqlite:${path}` : `sqlite:${resolve(path)}`;
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname) return fail('DATABASE_URL', 'must name a host (postgres://user@host:5432/database)');
      return url;
    } catch {
      return fail('DATABASE_URL', 'is not a valid postgres:// URL (postgres://user:password@host:5432/database)');
    }
  }
  return fail('DATABASE_URL', `must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}

function checkRedisUrl(url: string, fail: Fail): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error('scheme');
    if (!parsed.hostname) throw new Error('host');
    return url;
  } catch {
    return fail('REDIS_URL', 'must be a redis:// or rediss:// URL with a host (e.g. redis://127.0.0.1:6379)');
  }
}

function readSecretKey(
  text: string | undefined,
  mode: NetkeepMode,
  dataDir: string,
  canUseDataDir: boolean,
  fail: Fail,
): { key: Buffer; source: 'environment' | 'file' } | undefined {
  if (text !== undefined) {
    const key = decodeSecretKey(text);
    if (typeof key === 'string') return fail('NETKEEP_SECRET_KEY', `must be 32 bytes, base64 or hex (${key}); ${GENERATE_HINT}`);
    return { key, source: 'environment' };
  }
  if (mode === 'service') return fail('NETKEEP_SECRET_KEY', `is required in service mode: 32 bytes, base64 or hex; ${GENERATE_HINT}`);
  if (!canUseDataDir) return undefined;
  const key = readOrCreateSecretKeyFile(join(dataDir, 'secret-key'));
  if (typeof key === 'string') return fail('NETKEEP_SECRET_KEY', `is unset and ${key}`);
  return { key, source: 'file' };
}

function checkToken(variable: string, token: string, fail: Fail): void {
  if (/\s/.test(token)) fail(variable, 'must not contain spaces');
  else if (token.length < MIN_TOKEN_LENGTH) fail(variable, `must be at least ${MIN_TOKEN_LENGTH} characters (got ${token.length}); ${GENERATE_HINT}`);
}
