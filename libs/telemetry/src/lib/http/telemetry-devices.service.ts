import {
  INVENTORY_PORT,
  type DeviceDto,
  type InterfaceHistoryDto,
  type InventoryPort,
  type PollRequestedDto,
  type TelemetryDeviceListDto,
  type TelemetryDeviceStateDto,
  type TelemetrySettingsDto,
  type TelemetrySettingsView,
} from '@netkeep/contracts';
import { Clock, NotFoundError } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import { PollQueue } from '../polling/poll-queue';
import { PollSchedules } from '../polling/poll-schedules';
import { DeviceSettingsRepository, type DeviceSettings } from '../settings/device-settings.repository';
import { TelemetryStateStore } from '../state/telemetry-state.store';
import { TELEMETRY_CONFIG } from '../telemetry.constants';
import type { TelemetryConfig } from '../telemetry.config';
import { historyPointView, settingsView, stateView, summaryView } from './telemetry-views';

/** The telemetry API: devices from the inventory, their settings from the database, everything measured from Redis. */
@Injectable()
export class TelemetryDevicesService {
  constructor(
    @Inject(INVENTORY_PORT) private readonly inventory: InventoryPort,
    private readonly settings: DeviceSettingsRepository,
    private readonly store: TelemetryStateStore,
    private readonly queue: PollQueue,
    private readonly schedules: PollSchedules,
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
    private readonly clock: Clock,
  ) {}

  /** Every enabled inventory device with its poll status. */
  async list(): Promise<TelemetryDeviceListDto> {
    const devices = await this.inventory.selectDevices({ enabled: true });
    const ids = devices.map((device) => device.id);
    const [settings, statuses, schedules] = await Promise.all([this.settings.all(), this.store.pollStatuses(ids), this.queue.schedules()]);
    const results = devices.map((device) =>
      summaryView(device, settingsView(settings.get(device.id), this.config.intervalSeconds), statuses.get(device.id), schedules.get(device.id)?.nextMs),
    );
    return { count: results.length, results };
  }

  async get(deviceId: string): Promise<TelemetryDeviceStateDto> {
    const device = await this.device(deviceId);
    const [settings, statuses, snapshot, nextMs] = await Promise.all([
      this.settings.find(deviceId),
      this.store.pollStatuses([deviceId]),
      this.store.snapshot(deviceId),
      this.queue.nextPollMs(deviceId),
    ]);
    const summary = summaryView(device, settingsView(settings, this.config.intervalSeconds), statuses.get(deviceId), nextMs);
    return stateView(summary, snapshot);
  }

  async history(deviceId: string, interfaceName: string): Promise<InterfaceHistoryDto> {
    const device = await this.device(deviceId);
    const sinceMs = this.clock.now().getTime() - this.config.historySeconds * 1000;
    const [points, snapshot] = await Promise.all([this.store.history(deviceId, interfaceName, sinceMs), this.store.snapshot(deviceId)]);
    const names = snapshot?.sample.interfaces.map((each) => each.name) ?? [];
    if (points.length === 0 && !names.includes(interfaceName)) {
      const known = names.length > 0 ? `; it has ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}` : ' (it has not been polled yet)';
      throw new NotFoundError(`device ${device.name} has no interface "${interfaceName}" in its telemetry${known}`);
    }
    return { deviceId, device: device.name, interface: interfaceName, windowSeconds: this.config.historySeconds, points: points.map(historyPointView) };
  }

  /** Replaces the device's settings and applies them to its schedule at once. */
  async saveSettings(deviceId: string, body: TelemetrySettingsDto): Promise<TelemetrySettingsView> {
    const device = await this.device(deviceId);
    const settings: DeviceSettings = {
      deviceId,
      intervalSeconds: body.intervalSeconds ?? null,
      enabled: body.enabled ?? true,
      source: body.source ?? 'auto',
      updatedAt: this.clock.now().toISOString(),
    };
    await this.settings.save(settings);
    await this.schedules.apply(device, settings);
    return settingsView(settings, this.config.intervalSeconds);
  }

  /** Queues a poll now, beside the schedule (even for a device whose schedule is switched off). */
  async pollNow(deviceId: string): Promise<PollRequestedDto> {
    const device = await this.device(deviceId);
    const settings = await this.settings.find(deviceId);
    const jobId = await this.queue.pollNow({
      deviceId,
      source: settings?.source ?? 'auto',
      intervalSeconds: settings?.intervalSeconds ?? this.config.intervalSeconds,
    });
    return { deviceId: device.id, jobId };
  }

  private async device(deviceId: string): Promise<DeviceDto> {
    const device = await this.inventory.getDevice(deviceId);
    if (!device) throw new NotFoundError(`device ${deviceId} does not exist in the inventory`);
    return device;
  }
}
