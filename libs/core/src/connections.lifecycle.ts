import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { DATABASE } from './database/database.constants';
import { REDIS } from './redis/redis.constants';
import { closeRedis } from './redis/create-redis';
import type { NetkeepDatabase } from './database/netkeep-database';

/** Closes the database and Redis last, after the HTTP server has drained. */
@Injectable()
export class ConnectionsLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly db: NetkeepDatabase,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.db.destroy(), closeRedis(this.redis)]);
  }
}
