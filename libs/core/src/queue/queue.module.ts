import { Module } from '@nestjs/common';
import { QueueConnections } from './queue-connections';

/**
 * Import in a domain module to inject `QueueConnections` (needs CoreModule for CONFIG and LOGGER).
 * Nest makes one instance however many domains import it.
 */
@Module({
  providers: [QueueConnections],
  exports: [QueueConnections],
})
export class QueueModule {}
