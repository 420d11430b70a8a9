import type { TelemetrySourceSetting } from '@netkeep/contracts';
import { DATABASE, type NetkeepDatabase } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';

interface DeviceSettingsRow {
  device_id: string;
  /** null: the default interval. */
  interval_seconds: number | null;
  enabled: number;
  source: string;
  updated_at: string;
}

interface TelemetryTables {
  telemetry_device_settings: DeviceSettingsRow;
}

/** What an operator set for one device; a device with no row has every default. */
export interface DeviceSettings {
  deviceId: string;
  intervalSeconds: number | null;
  enabled: boolean;
  source: TelemetrySourceSetting;
  updatedAt: string;
}

@Injectable()
export class DeviceSettingsRepository {
  private readonly db: Kysely<TelemetryTables>;

  constructor(@Inject(DATABASE) db: NetkeepDatabase) {
    this.db = db as Kysely<TelemetryTables>;
  }

  async all(): Promise<Map<string, DeviceSettings>> {
    const rows = await this.db.selectFrom('telemetry_device_settings').selectAll().execute();
    return new Map(rows.map((row) => [row.device_id, toSettings(row)]));
  }

  async find(deviceId: string): Promise<DeviceSettings | undefined> {
    const row = await this.db.selectFrom('telemetry_device_settings').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
    return row && toSettings(row);
  }

  async save(settings: DeviceSettings): Promise<void> {
    const row: DeviceSettingsRow = {
      device_id: settings.deviceId,
      interval_seconds: settings.intervalSeconds,
      enabled: settings.enabled ? 1 : 0,
      source: settings.source,
      updated_at: settings.updatedAt,
    };
    const { device_id: _id, ...changes } = row;
    await this.db.insertInto('telemetry_device_settings').values(row).onConflict((conflict) => conflict.column('device_id').doUpdateSet(changes)).execute();
  }
}

function toSettings(row: DeviceSettingsRow): DeviceSettings {
  return {
    deviceId: row.device_id,
    intervalSeconds: row.interval_seconds === null ? null : Number(row.interval_seconds),
    enabled: Number(row.enabled) === 1,
    source: row.source as TelemetrySourceSetting,
    updatedAt: row.updated_at,
  };
}
