import { POLL_ERROR_KINDS, type PollErrorKind, type PollSource, type TelemetrySourceSetting } from '@netkeep/contracts';
import { CONFIG, REDIS, type NetkeepConfig } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { TELEMETRY_CONFIG } from '../telemetry.constants';
import type { TelemetryConfig } from '../telemetry.config';
import { decodeHistoryPoint, encodeHistoryEntry, historyPoints, type DeviceSnapshot, type HistoryPoint } from './device-snapshot';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec';
import { historyLength, stateTtlSeconds, TelemetryKeys } from './telemetry-keys';

/** A device /metrics covers and the schedules poll: what the schedule sync registers. */
export interface ScheduledDevice {
  name: string;
  intervalSeconds: number;
  source: TelemetrySourceSetting;
}

export interface PollStatus {
  name: string | null;
  up: boolean;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  durationMs: number | null;
  source: PollSource | null;
  consecutiveFailures: number;
  polls: number;
  errors: number;
  lastError: { kind: PollErrorKind; message: string; at: string } | null;
  errorsByKind: Partial<Record<PollErrorKind, number>>;
}

interface PollOutcomeBase {
  deviceId: string;
  name: string;
  at: Date;
  durationMs: number;
  intervalSeconds: number;
  /** The lock token `begin` took, released with the outcome. */
  token: string;
}

export interface PollSuccess extends PollOutcomeBase {
  snapshot: DeviceSnapshot;
  /** Whether the poll adds a history point (not when device time stood still since the last one). */
  addsHistory: boolean;
}

export interface PollFailure extends PollOutcomeBase {
  kind: PollErrorKind;
  message: string;
  source?: PollSource;
}

/** Deletes the lock only if it is still ours: a poll that outlived its lock must not free the next one's. */
const RELEASE_LOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
const MGET_CHUNK = 500;

/**
 * The domain's state in Redis (layout in telemetry-keys.ts), so pollers stay stateless: any
 * replica takes a device's next poll, and any replica answers the API and /metrics for the
 * whole fleet. Each poll costs two round trips: one to lock and read, one to write.
 */
@Injectable()
export class TelemetryStateStore {
  readonly keys: TelemetryKeys;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) config: NetkeepConfig,
    @Inject(TELEMETRY_CONFIG) private readonly telemetry: TelemetryConfig,
  ) {
    this.keys = new TelemetryKeys(config.redisPrefix);
  }

  /**
   * Takes the device's poll lock and reads its last snapshot and failure streak; `locked: false`
   * when another poll of the device is still running.
   */
  async begin(deviceId: string, token: string, lockMs: number): Promise<{ locked: boolean; previous?: DeviceSnapshot; consecutiveFailures: number }> {
    // A pipeline, not MULTI: SET NX is atomic alone, and the reads need not be.
    const results = await this.redis
      .pipeline()
      .set(this.keys.lock(deviceId), token, 'PX', lockMs, 'NX')
      .get(this.keys.current(deviceId))
      .hget(this.keys.poll(deviceId), 'consecutiveFailures')
      .exec();
    const [[, locked], [, current], [, failures]] = results as [Error | null, string | null][];
    const previous = current ? decodeSnapshot(current) : undefined;
    return {
      locked: locked === 'OK',
      ...(previous ? { previous } : {}),
      consecutiveFailures: Number(failures ?? 0),
    };
  }

  async recordSuccess(outcome: PollSuccess): Promise<void> {
    const { deviceId, snapshot, intervalSeconds } = outcome;
    const ttl = stateTtlSeconds(this.telemetry.historySeconds, intervalSeconds);
    const points = historyLength(this.telemetry.historySeconds, intervalSeconds);
    const pollKey = this.keys.poll(deviceId);
    const at = outcome.at.toISOString();
    const pipeline = this.redis.pipeline()
      .set(this.keys.current(deviceId), encodeSnapshot(snapshot), 'EX', ttl)
      .hset(pollKey, {
        name: outcome.name, up: '1', lastPollAt: at, lastSuccessAt: at, durationMs: String(outcome.durationMs), source: snapshot.sample.source, consecutiveFailures: '0',
      })
      .hincrby(pollKey, 'polls', 1)
      .expire(pollKey, ttl);
    if (outcome.addsHistory) {
      const key = this.keys.history(deviceId);
      pipeline.lpush(key, encodeHistoryEntry(historyPoints(snapshot))).ltrim(key, 0, points - 1).expire(key, ttl);
    }
    await pipeline.eval(RELEASE_LOCK, 1, this.keys.lock(deviceId), outcome.token).exec();
  }

  async recordFailure(outcome: PollFailure): Promise<void> {
    const ttl = stateTtlSeconds(this.telemetry.historySeconds, outcome.intervalSeconds);
    const pollKey = this.keys.poll(outcome.deviceId);
    const at = outcome.at.toISOString();
    await this.redis
      .pipeline()
      .hset(pollKey, {
        name: outcome.name, up: '0', lastPollAt: at, durationMs: String(outcome.durationMs), lastErrorKind: outcome.kind, lastErrorMessage: outcome.message, lastErrorAt: at,
        ...(outcome.source ? { source: outcome.source } : {}),
      })
      .hincrby(pollKey, 'polls', 1)
      .hincrby(pollKey, 'errors', 1)
      .hincrby(pollKey, `errors.${outcome.kind}`, 1)
      .hincrby(pollKey, 'consecutiveFailures', 1)
      .expire(pollKey, ttl)
      .eval(RELEASE_LOCK, 1, this.keys.lock(outcome.deviceId), outcome.token)
      .exec();
  }

  /** Releases a lock without recording anything (the poll was abandoned). */
  async release(deviceId: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE_LOCK, 1, this.keys.lock(deviceId), token);
  }

  async snapshot(deviceId: string): Promise<DeviceSnapshot | undefined> {
    const text = await this.redis.get(this.keys.current(deviceId));
    return text ? decodeSnapshot(text) : undefined;
  }

  /** Snapshots by device id; devices without one are absent. */
  async snapshots(deviceIds: readonly string[]): Promise<Map<string, DeviceSnapshot>> {
    const found = new Map<string, DeviceSnapshot>();
    for (let i = 0; i < deviceIds.length; i += MGET_CHUNK) {
      const chunk = deviceIds.slice(i, i + MGET_CHUNK);
      if (chunk.length === 0) continue;
      const texts = await this.redis.mget(...chunk.map((id) => this.keys.current(id)));
      texts.forEach((text, index) => {
        const snapshot = text ? decodeSnapshot(text) : undefined;
        if (snapshot) found.set(chunk[index], snapshot);
      });
    }
    return found;
  }

  /** Poll status by device id; a device never polled (or aged out) has none. */
  async pollStatuses(deviceIds: readonly string[]): Promise<Map<string, PollStatus>> {
    const found = new Map<string, PollStatus>();
    if (deviceIds.length === 0) return found;
    const pipeline = this.redis.pipeline();
    for (const id of deviceIds) pipeline.hgetall(this.keys.poll(id));
    const results = (await pipeline.exec()) ?? [];
    results.forEach(([error, hash], index) => {
      if (error) throw error;
      const fields = hash as Record<string, string>;
      if (Object.keys(fields).length > 0) found.set(deviceIds[index], parsePollStatus(fields));
    });
    return found;
  }

  /** The interface's points since `sinceMs`, oldest first. */
  async history(deviceId: string, interfaceName: string, sinceMs: number): Promise<HistoryPoint[]> {
    const entries = await this.redis.lrange(this.keys.history(deviceId), 0, -1);
    return entries
      .map((entry) => decodeHistoryPoint(entry, interfaceName))
      .filter((point): point is HistoryPoint => point !== undefined && point.atMs >= sinceMs)
      .reverse();
  }

  async scheduledDevices(): Promise<Map<string, ScheduledDevice>> {
    const hash = await this.redis.hgetall(this.keys.devices);
    return new Map(Object.entries(hash).map(([id, json]) => [id, JSON.parse(json) as ScheduledDevice]));
  }

  /** Registers devices as scheduled and drops the ones given as removed, with their current state. */
  async updateScheduledDevices(upserts: ReadonlyMap<string, ScheduledDevice>, removed: readonly string[]): Promise<void> {
    if (upserts.size === 0 && removed.length === 0) return;
    const pipeline = this.redis.pipeline();
    if (upserts.size > 0) pipeline.hset(this.keys.devices, Object.fromEntries([...upserts].map(([id, device]) => [id, JSON.stringify(device)])));
    if (removed.length > 0) {
      pipeline.hdel(this.keys.devices, ...removed);
      pipeline.unlink(...removed.flatMap((id) => [this.keys.current(id), this.keys.poll(id), this.keys.history(id)]));
    }
    await pipeline.exec();
  }

  /** One replica at a time reconciles the schedules; the lock expires if that replica dies. */
  async takeSyncLock(token: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.keys.syncLock, token, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async releaseSyncLock(token: string): Promise<void> {
    await this.redis.eval(RELEASE_LOCK, 1, this.keys.syncLock, token);
  }
}

function parsePollStatus(fields: Record<string, string>): PollStatus {
  const count = (name: string): number => Number(fields[name] ?? 0);
  const errorsByKind: PollStatus['errorsByKind'] = {};
  for (const kind of POLL_ERROR_KINDS) if (fields[`errors.${kind}`]) errorsByKind[kind] = count(`errors.${kind}`);
  return {
    name: fields['name'] ?? null,
    up: fields['up'] === '1',
    lastPollAt: fields['lastPollAt'] ?? null,
    lastSuccessAt: fields['lastSuccessAt'] ?? null,
    durationMs: fields['durationMs'] === undefined ? null : Number(fields['durationMs']),
    source: (fields['source'] as PollSource | undefined) ?? null,
    consecutiveFailures: count('consecutiveFailures'),
    polls: count('polls'),
    errors: count('errors'),
    lastError: fields['lastErrorKind']
      ? { kind: fields['lastErrorKind'] as PollErrorKind, message: fields['lastErrorMessage'] ?? '', at: fields['lastErrorAt'] ?? '' }
      : null,
    errorsByKind,
  };
}
