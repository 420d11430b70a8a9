import { INVENTORY_PORT, type DeviceConnectionDto, type InventoryPort } from '@netkeep/contracts';
import { NotFoundError } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import { TELEMETRY_CONFIG } from '../telemetry.constants';
import type { TelemetryConfig } from '../telemetry.config';
import { InventoryUnavailableError } from './poll-errors';

interface Entry {
  connection: Promise<DeviceConnectionDto>;
  expiresAt: number;
}

/**
 * Devices' connection details from the inventory, kept in memory for a short while: a poller
 * polling 1000 devices every minute would otherwise make the inventory decrypt credentials
 * 1000 times a minute. Failures are never kept, and a poll that fails in a way stale details
 * could explain drops the device's entry.
 */
@Injectable()
export class DeviceConnections {
  private readonly entries = new Map<string, Entry>();

  constructor(
    @Inject(INVENTORY_PORT) private readonly inventory: InventoryPort,
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
  ) {}

  get(deviceId: string): Promise<DeviceConnectionDto> {
    const now = Date.now();
    const cached = this.entries.get(deviceId);
    if (cached && cached.expiresAt > now) return cached.connection;
    const connection = this.inventory.connection(deviceId).catch((error: unknown) => {
      this.entries.delete(deviceId);
      if (error instanceof NotFoundError) throw error;
      throw new InventoryUnavailableError('inventory', `cannot read the connection details of device ${deviceId} from the inventory: ${(error as Error).message}`, { cause: error });
    });
    if (this.config.connectionCacheMs > 0) this.entries.set(deviceId, { connection, expiresAt: now + this.config.connectionCacheMs });
    return connection;
  }

  invalidate(deviceId: string): void {
    this.entries.delete(deviceId);
  }
}
