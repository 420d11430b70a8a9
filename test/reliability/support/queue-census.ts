import { queuePrefix } from '@netkeep/core';
import { Queue, type JobType } from 'bullmq';
import Redis from 'ioredis';

const COUNTED: JobType[] = ['active', 'waiting', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed'];

/** A job being processed right now, as BullMQ holds it. */
export interface ActiveJob {
  id: string;
  /** The worker holding it: `<host>/<pid>`. */
  processedBy: string | undefined;
  /** When the worker took it (epoch ms). */
  processedOn: number | undefined;
}

/**
 * Read-only looks into the platform's BullMQ queues on its Redis, under its prefix: what a
 * test asks of the queues without going through any netkeep process.
 */
export class QueueCensus {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly queues = new Map<string, Queue>();

  constructor(redisUrl: string, redisPrefix: string) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
    this.redis.on('error', () => undefined);
    this.prefix = queuePrefix(redisPrefix);
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: this.prefix });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Jobs per state (active, waiting, delayed, completed, failed …). */
  async counts(name: string): Promise<Record<string, number>> {
    return this.queue(name).getJobCounts(...COUNTED);
  }

  async active(name: string): Promise<ActiveJob[]> {
    const jobs = await this.queue(name).getActive(0, -1);
    return jobs.map((job) => ({ id: job.id ?? '', processedBy: job.processedBy, processedOn: job.processedOn }));
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.redis.disconnect();
  }
}
