import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import Redis from 'ioredis';
import { sql } from 'kysely';
import { Public } from '../auth/public.decorator';
import { DATABASE } from '../database/database.constants';
import type { NetkeepLogger } from '../logging/create-logger';
import { LOGGER } from '../logging/logging.constants';
import { REDIS } from '../redis/redis.constants';
import { type CheckState, type ReadinessReport, withTimeout } from './readiness';
import type { NetkeepDatabase } from '../database/netkeep-database';

const CHECK_TIMEOUT_MS = 1_500;

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly db: NetkeepDatabase,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {}

  /** The process runs. */
  @Get('healthz')
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The process can do its work: database and Redis answer. */
  @Get('readyz')
  @ApiOkResponse({ schema: { example: { status: 'ready', checks: { database: 'up', redis: 'up' } } } })
  @ApiServiceUnavailableResponse({ description: 'Names what is down' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessReport> {
    const problems: string[] = [];
    const check = async (name: string, probe: () => Promise<unknown>): Promise<CheckState> => {
      try {
        await withTimeout(probe(), CHECK_TIMEOUT_MS, name);
        return 'up';
      } catch (error) {
        problems.push(`${name} is down (${(error as Error).message})`);
        return 'down';
      }
    };
    const [database, redis] = await Promise.all([
      check('database', () => sql`select 1`.execute(this.db)),
      check('redis', () => this.redis.ping()),
    ]);
    if (problems.length === 0) return { status: 'ready', checks: { database, redis } };
    this.logger.warn({ checks: { database, redis } }, `not ready: ${problems.join('; ')}`);
    reply.status(503);
    return { status: 'not ready', checks: { database, redis }, message: `Not ready: ${problems.join('; ')}` };
  }
}
