import type Redis from 'ioredis';
import type { NetkeepLogger } from '@netkeep/core';

/** A lock or slot held in Redis, renewed until released. */
export interface HeldLease {
  release(): Promise<void>;
  /** False once a renewal found the lease gone (expired while this process stalled). */
  readonly held: boolean;
}

const RENEW_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Redis time in milliseconds, inside a script, so that worker hosts' clocks never matter. */
const REDIS_NOW = `local t = redis.call('time') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
const ACQUIRE_SLOT = `${REDIS_NOW}
redis.call('zremrangebyscore', KEYS[1], '-inf', now)
if redis.call('zscore', KEYS[1], ARGV[1]) then
  redis.call('zadd', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  return 1
end
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('zadd', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  redis.call('pexpire', KEYS[1], ARGV[3])
  return 1
end
return 0`;
const RENEW_SLOT = `${REDIS_NOW}
if redis.call('zscore', KEYS[1], ARGV[1]) then
  redis.call('zadd', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
  redis.call('pexpire', KEYS[1], ARGV[2])
  return 1
end
return 0`;

/**
 * Never two sessions to one device: a Redis lock per device (SET NX PX) that lives `ttlMs`
 * past its holder's death and is renewed while the session lasts.
 */
export class DeviceLocks {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly ttlMs: number,
    private readonly logger: NetkeepLogger,
  ) {}

  /** The lock, or undefined when another session holds the device. */
  async acquire(deviceId: string, owner: string): Promise<HeldLease | undefined> {
    const key = `${this.keyPrefix}backup:device-lock:${deviceId}`;
    const taken = await this.redis.set(key, owner, 'PX', this.ttlMs, 'NX');
    if (taken !== 'OK') return undefined;
    return renewedLease(
      () => this.redis.eval(RENEW_LOCK, 1, key, owner, this.ttlMs).then(Number),
      () => this.redis.eval(RELEASE_LOCK, 1, key, owner).then(() => undefined),
      this.ttlMs,
      () => this.logger.warn({ deviceId }, `device lock of ${deviceId} expired while held; another session may start`),
    );
  }
}

/**
 * At most `limit` sessions at once to the devices of one site, over every worker: a sorted
 * set of holders per site scored by expiry (Redis time), so a dead holder's slot frees itself.
 */
export class SiteSlots {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly limit: number,
    private readonly ttlMs: number,
    private readonly logger: NetkeepLogger,
  ) {}

  /** A slot, or undefined when the site is at its limit. */
  async acquire(site: string, owner: string): Promise<HeldLease | undefined> {
    const key = `${this.keyPrefix}backup:site-slots:${site.toLowerCase()}`;
    const taken = Number(await this.redis.eval(ACQUIRE_SLOT, 1, key, owner, this.limit, this.ttlMs));
    if (taken !== 1) return undefined;
    return renewedLease(
      () => this.redis.eval(RENEW_SLOT, 1, key, owner, this.ttlMs).then(Number),
      () => this.redis.zrem(key, owner).then(() => undefined),
      this.ttlMs,
      () => this.logger.warn({ site }, `a session slot of site ${site} expired while held`),
    );
  }
}

function renewedLease(renew: () => Promise<number>, release: () => Promise<void>, ttlMs: number, onLost: () => void): HeldLease {
  let held = true;
  let releasing: Promise<void> | undefined;
  const timer = setInterval(() => {
    renew().then(
      (renewed) => {
        if (renewed === 0 && held && !releasing) {
          held = false;
          clearInterval(timer);
          onLost();
        }
      },
      // Redis away: the next tick tries again; the lease outlives a few missed renewals.
      () => undefined,
    );
  }, Math.max(100, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    get held() {
      return held;
    },
    release: () => {
      clearInterval(timer);
      releasing ??= release().catch(() => undefined);
      return releasing;
    },
  };
}
