import type { DeviceConnectionDto, DeviceDto, DeviceSelector, InventoryPort, UpdateDeviceFactsDto } from '@netkeep/contracts';
import { Injectable } from '@nestjs/common';
import { toDeviceDto } from '../devices/device.mapper';
import { DevicesRepository, type DeviceFilter } from '../devices/devices.repository';
import { DevicesService } from '../devices/devices.service';
import { DeviceConnectionService } from '../internal/device-connection.service';
import { canonicalPlatform } from '../shared/platforms';
import { SitesRepository } from '../sites/sites.repository';

const BY_NAME = { field: 'name', descending: false } as const;

/**
 * The inventory as other domains see it inside one process (embedded mode): the contract's
 * InventoryPort answered by the inventory's own services, no HTTP. Bind it where a module asks
 * for INVENTORY_PORT, e.g. `BackupModule.register({ inventory: { imports: [InventoryModule], useExisting: InProcessInventoryPort } })`.
 */
@Injectable()
export class InProcessInventoryPort implements InventoryPort {
  constructor(
    private readonly devices: DevicesRepository,
    private readonly sites: SitesRepository,
    private readonly devicesService: DevicesService,
    private readonly connections: DeviceConnectionService,
  ) {}

  /** Every device the selector covers, by name; enabled ones only unless it says otherwise. An unknown site or platform selects nothing. */
  async selectDevices(selector: DeviceSelector): Promise<DeviceDto[]> {
    const filter: DeviceFilter = {
      ids: selector.deviceIds,
      names: selector.names,
      role: selector.role,
      tags: selector.tags,
      enabled: selector.enabled ?? true,
      q: selector.q,
    };
    if (selector.platform !== undefined) {
      filter.platform = canonicalPlatform(selector.platform);
      if (filter.platform === undefined) return [];
    }
    if (selector.site !== undefined) {
      filter.siteId = (await this.sites.findByName(selector.site))?.id;
      if (filter.siteId === undefined) return [];
    }
    return (await this.devices.list(filter, BY_NAME)).map(toDeviceDto);
  }

  async getDevice(deviceId: string): Promise<DeviceDto | undefined> {
    const device = await this.devices.findById(deviceId);
    return device && toDeviceDto(device);
  }

  connection(deviceId: string): Promise<DeviceConnectionDto> {
    return this.connections.connection(deviceId);
  }

  /** The one device with this host address; when none or several have it, the device named `hostname`. */
  async findBySyslogSource(address: string, hostname?: string): Promise<DeviceDto | undefined> {
    const byAddress = await this.devices.list({ host: address }, BY_NAME, { limit: 2, offset: 0 });
    if (byAddress.length === 1) return toDeviceDto(byAddress[0]);
    if (!hostname) return undefined;
    const byName = await this.devices.findByName(hostname);
    return byName && toDeviceDto(byName);
  }

  async recordFacts(deviceId: string, facts: UpdateDeviceFactsDto): Promise<void> {
    await this.devicesService.updateFacts(deviceId, facts);
  }
}
