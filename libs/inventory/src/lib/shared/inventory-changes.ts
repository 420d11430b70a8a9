import { INVENTORY_CHANGED_CHANNEL } from '@netkeep/contracts';
import { LOGGER, QueueConnections, type NetkeepLogger } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';

/**
 * Tells the other services that devices changed (telemetry schedules polls for a new device
 * within a second instead of at its next periodic sync). Best effort: a change is already
 * stored when this runs, and the periodic sync covers a lost announcement.
 */
@Injectable()
export class InventoryChanges {
  constructor(
    private readonly connections: QueueConnections,
    @Inject(LOGGER) private readonly logger: NetkeepLogger,
  ) {}

  async announce(): Promise<void> {
    try {
      await this.connections.publish(INVENTORY_CHANGED_CHANNEL);
    } catch (error) {
      this.logger.warn({ err: error }, `inventory change not announced: ${(error as Error).message}; other services see it at their next sync`);
    }
  }
}
