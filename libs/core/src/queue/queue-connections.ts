import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, type DefaultJobOptions, type Processor, type WorkerOptions } from 'bullmq';
import Redis from 'ioredis';
import { hostname } from 'node:os';
import { CONFIG } from '../config/config.constants';
import type { NetkeepConfig } from '../config/netkeep-config';
import type { NetkeepLogger } from '../logging/create-logger';
import { LOGGER } from '../logging/logging.constants';
import { closeRedis } from '../redis/create-redis';
import { queuePrefix } from './queue-prefix';

const CONNECT_TIMEOUT_MS = 2_000;
const MAX_RETRY_DELAY_MS = 2_000;
/** How long a closing worker may spend finishing its in-flight jobs before it is closed by force. */
export const DEFAULT_WORKER_CLOSE_TIMEOUT_MS = 5_000;

export interface QueueOptions {
  defaultJobOptions?: DefaultJobOptions;
}

/** Worker options a domain chooses; the connection and the key prefix are the factory's. */
export type QueueWorkerOptions = Omit<WorkerOptions, 'connection' | 'prefix'>;

/**
 * BullMQ for every domain: queues and workers on REDIS_URL under one key prefix derived from
 * NETKEEP_REDIS_PREFIX. Queues share one connection; each worker gets its own (BullMQ adds a
 * blocking one beside it). Every connection retries forever (`maxRetriesPerRequest: null`), so
 * a Redis restart pauses work instead of failing it. On shutdown the workers close first
 * (in-flight jobs finish, bounded), then the queues, then the connections.
 */
@Injectable()
export class QueueConnections implements BeforeApplicationShutdown, OnApplicationShutdown {
  /** BullMQ's `prefix`: every queue key starts with it (`netkeep:queue:backup:wait`). */
  readonly prefix: string;
  /** NETKEEP_REDIS_PREFIX as given, for a domain's own keys beside the queues (`netkeep:backup:lock:…`). */
  readonly keyPrefix: string;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];
  private shared?: Redis;
  private closed = false;

  constructor(
    @Inject(CONFIG) private readonly config: Pick<NetkeepConfig, 'redisUrl' | 'redisPrefix'>,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {
    this.keyPrefix = config.redisPrefix;
    this.prefix = queuePrefix(config.redisPrefix);
  }

  /** A connection for a domain's own commands (locks, counters), shared with the queues. */
  get commands(): Redis {
    this.shared ??= this.connect('queues');
    return this.shared;
  }

  /** The queue of this name, created once per process. */
  queue<Data = unknown>(name: string, options: QueueOptions = {}): Queue<Data> {
    this.assertOpen();
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.commands, prefix: this.prefix, defaultJobOptions: options.defaultJobOptions });
      queue.on('error', (error) => this.logger.warn({ err: error, queue: name }, `queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue as Queue<Data>;
  }

  /** A worker on its own connection, named `<host>/<pid>` on the jobs it takes; it starts at once unless `autorun: false`. */
  worker<Data = unknown, Result = unknown>(name: string, processor: Processor<Data, Result>, options: QueueWorkerOptions = {}): Worker<Data, Result> {
    this.assertOpen();
    const worker = new Worker<Data, Result>(name, processor, {
      name: `${hostname()}/${process.pid}`,
      ...options,
      connection: this.connect(`worker ${name}`),
      prefix: this.prefix,
    });
    // Without a listener an 'error' event would crash the process; one line per outage is enough.
    let reported = false;
    worker.on('error', (error) => {
      if (reported) return;
      reported = true;
      this.logger.warn({ err: error, queue: name }, `worker ${name}: ${error.message}`);
    });
    worker.on('ready', () => {
      reported = false;
    });
    this.workers.push(worker as Worker);
    return worker;
  }

  /** Publishes `message` on a channel under the key prefix; other processes on the same Redis hear it. */
  async publish(channel: string, message = ''): Promise<void> {
    await this.commands.publish(`${this.keyPrefix}${channel}`, message);
  }

  /**
   * Calls `listener` for every message on a channel under the key prefix, on a connection of
   * its own (a subscribed connection can do nothing else). Resubscribes after a Redis restart;
   * messages sent while disconnected are lost, so listeners must only speed up what a periodic
   * task does anyway.
   */
  subscribe(channel: string, listener: (message: string) => void): void {
    this.assertOpen();
    const name = `${this.keyPrefix}${channel}`;
    const connection = this.connect(`subscription ${channel}`);
    connection.on('message', (from: string, message: string) => from === name && listener(message));
    void connection.subscribe(name).catch((error: Error) => this.logger.warn({ err: error, channel }, `cannot subscribe to ${channel}: ${error.message}`));
  }

  /** Workers stop taking jobs and finish the ones they hold, within the timeout; then they are closed by force (their jobs stall and another worker picks them up). */
  async closeWorkers(timeoutMs = DEFAULT_WORKER_CLOSE_TIMEOUT_MS): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(
      workers.map(async (worker) => {
        let timer: NodeJS.Timeout | undefined;
        // pause() stops taking jobs and waits for the ones in flight; close(true) then skips that wait.
        const finished = worker.pause().then(() => true);
        const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
        const inTime = await Promise.race([finished, late]).catch(() => false);
        clearTimeout(timer);
        if (!inTime) this.logger.warn({ queue: worker.name, timeoutMs }, `worker ${worker.name} still busy after ${timeoutMs} ms; closing it by force`);
        await worker.close(!inTime).catch(() => undefined);
      }),
    );
  }

  /** Workers, then queues, then connections. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.closeWorkers();
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.allSettled(queues.map((queue) => queue.close()));
    const connections = this.connections.splice(0);
    this.shared = undefined;
    await Promise.allSettled(connections.map((connection) => closeRedis(connection)));
  }

  // Workers first, while the database and the other domains' services are still open: their jobs need them to finish.
  async beforeApplicationShutdown(): Promise<void> {
    await this.closeWorkers();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private connect(purpose: string): Redis {
    const connection = new Redis(this.config.redisUrl, {
      maxRetriesPerRequest: null,
      connectTimeout: CONNECT_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RETRY_DELAY_MS),
    });
    let reported = false;
    connection.on('error', (error: Error) => {
      if (reported) return;
      reported = true;
      this.logger.warn({ err: error, purpose }, `redis unreachable for ${purpose}; retrying`);
    });
    connection.on('ready', () => {
      if (reported) this.logger.info({ purpose }, `redis reachable again for ${purpose}`);
      reported = false;
    });
    this.connections.push(connection);
    return connection;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('queue connections are closed');
  }
}
