import type {
  DeviceDto,
  InterfaceHistoryPointView,
  InterfaceRatesView,
  InterfaceStateView,
  PollStatusView,
  RateGapName,
  TelemetryDeviceStateDto,
  TelemetryDeviceSummaryDto,
  TelemetrySettingsView,
} from '@netkeep/contracts';
import type { InterfaceRates } from '../rates/device-rates';
import type { DeviceSettings } from '../settings/device-settings.repository';
import type { DeviceSnapshot, HistoryPoint } from '../state/device-snapshot';
import type { PollStatus } from '../state/telemetry-state.store';

export function settingsView(settings: DeviceSettings | undefined, defaultIntervalSeconds: number): TelemetrySettingsView {
  return {
    intervalSeconds: settings?.intervalSeconds ?? defaultIntervalSeconds,
    defaultInterval: settings?.intervalSeconds == null,
    enabled: settings?.enabled ?? true,
    source: settings?.source ?? 'auto',
    updatedAt: settings?.updatedAt ?? null,
  };
}

const NEVER_POLLED: PollStatusView = {
  up: false, lastPollAt: null, lastSuccessAt: null, durationMs: null, source: null, consecutiveFailures: 0, polls: 0, errors: 0, lastError: null,
};

export function pollStatusView(status: PollStatus | undefined): PollStatusView {
  if (!status) return NEVER_POLLED;
  const { name: _name, errorsByKind: _byKind, ...view } = status;
  return view;
}

export function summaryView(
  device: DeviceDto,
  settings: TelemetrySettingsView,
  status: PollStatus | undefined,
  nextPollMs: number | undefined,
): TelemetryDeviceSummaryDto {
  return {
    id: device.id,
    name: device.name,
    platform: device.platform,
    settings,
    poll: pollStatusView(status),
    nextPollAt: nextPollMs === undefined ? null : new Date(nextPollMs).toISOString(),
  };
}

export function stateView(summary: TelemetryDeviceSummaryDto, snapshot: DeviceSnapshot | undefined): TelemetryDeviceStateDto {
  if (!snapshot) {
    return { ...summary, sampledAt: null, sysName: null, sysDescr: null, uptimeSeconds: null, cpuPercent: null, memory: null, rateIntervalSeconds: null, rateGap: null, interfaces: [] };
  }
  const { sample, rates } = snapshot;
  const byName = new Map(rates.interfaces.map((each) => [each.name, each]));
  return {
    ...summary,
    sampledAt: sample.takenAt,
    sysName: sample.sysName,
    sysDescr: sample.sysDescr,
    uptimeSeconds: sample.sysUpTimeHundredths / 100,
    cpuPercent: sample.cpuPercent ?? null,
    memory: sample.memory ?? null,
    rateIntervalSeconds: rates.intervalSeconds ?? null,
    rateGap: rates.gap ?? null,
    interfaces: sample.interfaces.map((each): InterfaceStateView => {
      const interfaceRates = byName.get(each.name);
      return {
        name: each.name,
        ifIndex: each.ifIndex ?? null,
        descr: each.descr,
        alias: each.alias,
        adminStatus: each.adminStatus,
        operStatus: each.operStatus,
        speedMbps: each.speedMbps,
        counterBits: each.counterBits,
        counters: {
          inOctets: each.inOctets,
          outOctets: each.outOctets,
          inPackets: each.inPackets ?? null,
          outPackets: each.outPackets ?? null,
          inErrors: each.inErrors,
          outErrors: each.outErrors,
          inDiscards: each.inDiscards,
          outDiscards: each.outDiscards,
        },
        rates: ratesView(interfaceRates),
        rateGap: (rates.gap ?? interfaceRates?.gaps.inOctets ?? (interfaceRates ? null : 'not-comparable')) as RateGapName | null,
      };
    }),
  };
}

function ratesView(rates: InterfaceRates | undefined): InterfaceRatesView {
  const perSecond = rates?.perSecond ?? {};
  return {
    inBitsPerSecond: rates?.inBitsPerSecond ?? null,
    outBitsPerSecond: rates?.outBitsPerSecond ?? null,
    inPacketsPerSecond: perSecond.inPackets ?? null,
    outPacketsPerSecond: perSecond.outPackets ?? null,
    inErrorsPerSecond: perSecond.inErrors ?? null,
    outErrorsPerSecond: perSecond.outErrors ?? null,
    inDiscardsPerSecond: perSecond.inDiscards ?? null,
    outDiscardsPerSecond: perSecond.outDiscards ?? null,
  };
}

export function historyPointView(point: HistoryPoint): InterfaceHistoryPointView {
  const { atMs, ...rest } = point;
  return { at: new Date(atMs).toISOString(), ...rest };
}
