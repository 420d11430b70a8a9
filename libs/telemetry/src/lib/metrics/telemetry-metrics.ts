import { METRICS_REGISTRY } from '@netkeep/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { InterfaceRates } from '../rates/device-rates';
import type { DeviceSnapshot } from '../state/device-snapshot';
import type { StoredInterface } from '../state/sample-codec';
import { TelemetryStateStore, type PollStatus } from '../state/telemetry-state.store';

type Labels = Record<string, string>;

interface Series {
  labels: Labels;
  value: number;
}

/** What one scrape reads from Redis: every scheduled device with its poll status and last snapshot. */
interface FleetDevice {
  name: string;
  status?: PollStatus;
  snapshot?: DeviceSnapshot;
}

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  series(fleet: readonly FleetDevice[]): Series[];
}

/**
 * Prometheus' text format carries float64, and prom-client prints nothing else (a BigInt or a
 * string value comes out as +Inf). Device counters are therefore exposed modulo 2^53, as
 * snmp_exporter does: every value is an exact integer, and the rare wrap at 2^53 reads to
 * rate() and increase() as a counter reset, which they handle exactly. REST has the full value.
 */
const TWO_53 = 2n ** 53n;
const exactCounter = (decimal: string): number => Number(BigInt(decimal) % TWO_53);

/** A device whose last poll failed shows only that: no stale counters that would read as a quiet link. */
const answering = (fleet: readonly FleetDevice[]) =>
  fleet.filter((device): device is Required<FleetDevice> => device.status?.up === true && device.snapshot !== undefined);

function perDevice(read: (device: Required<FleetDevice>) => number | undefined) {
  return (fleet: readonly FleetDevice[]): Series[] =>
    answering(fleet).flatMap((device) => {
      const value = read(device);
      return value === undefined ? [] : [{ labels: { device: device.name }, value }];
    });
}

function perInterface(read: (sample: StoredInterface, rates: InterfaceRates | undefined) => number | undefined) {
  return (fleet: readonly FleetDevice[]): Series[] =>
    answering(fleet).flatMap((device) => {
      const rates = new Map(device.snapshot.rates.interfaces.map((each) => [each.name, each]));
      const seen = new Set<string>();
      return device.snapshot.sample.interfaces.flatMap((sample) => {
        // Two interfaces with one ifName would be one series twice: Prometheus rejects that, so the first wins.
        if (seen.has(sample.name)) return [];
        seen.add(sample.name);
        const value = read(sample, rates.get(sample.name));
        return value === undefined ? [] : [{ labels: { device: device.name, interface: sample.name }, value }];
      });
    });
}

const counter = (field: 'inOctets' | 'outOctets' | 'inPackets' | 'outPackets' | 'inErrors' | 'outErrors' | 'inDiscards' | 'outDiscards') =>
  perInterface((sample) => (sample[field] === undefined ? undefined : exactCounter(sample[field] as string)));

const FAMILIES: readonly Family[] = [
  { name: 'netkeep_interface_in_octets_total', help: 'Octets received (ifHCInOctets, or ifInOctets where the device has no 64-bit counters), modulo 2^53', type: 'counter', series: counter('inOctets') },
  { name: 'netkeep_interface_out_octets_total', help: 'Octets sent (ifHCOutOctets, or ifOutOctets), modulo 2^53', type: 'counter', series: counter('outOctets') },
  { name: 'netkeep_interface_in_packets_total', help: 'Packets received, unicast, multicast and broadcast together, modulo 2^53', type: 'counter', series: counter('inPackets') },
  { name: 'netkeep_interface_out_packets_total', help: 'Packets sent, unicast, multicast and broadcast together, modulo 2^53', type: 'counter', series: counter('outPackets') },
  { name: 'netkeep_interface_in_errors_total', help: 'Inbound packets with errors (ifInErrors)', type: 'counter', series: counter('inErrors') },
  { name: 'netkeep_interface_out_errors_total', help: 'Outbound packets with errors (ifOutErrors)', type: 'counter', series: counter('outErrors') },
  { name: 'netkeep_interface_in_discards_total', help: 'Inbound packets discarded (ifInDiscards)', type: 'counter', series: counter('inDiscards') },
  { name: 'netkeep_interface_out_discards_total', help: 'Outbound packets discarded (ifOutDiscards)', type: 'counter', series: counter('outDiscards') },
  { name: 'netkeep_interface_oper_up', help: 'Interface operational status is up (1) or not (0)', type: 'gauge', series: perInterface((sample) => (sample.operStatus === 'up' ? 1 : 0)) },
  { name: 'netkeep_interface_admin_up', help: 'Interface is enabled in the configuration (1) or shut (0)', type: 'gauge', series: perInterface((sample) => (sample.adminStatus === 'up' ? 1 : 0)) },
  { name: 'netkeep_interface_speed_bits_per_second', help: 'Interface speed (ifHighSpeed); 0 when the device does not say', type: 'gauge', series: perInterface((sample) => sample.speedMbps * 1_000_000) },
  { name: 'netkeep_interface_in_bits_per_second', help: 'Inbound rate over the last poll interval (wrap- and reboot-safe)', type: 'gauge', series: perInterface((_sample, rates) => rates?.inBitsPerSecond) },
  { name: 'netkeep_interface_out_bits_per_second', help: 'Outbound rate over the last poll interval (wrap- and reboot-safe)', type: 'gauge', series: perInterface((_sample, rates) => rates?.outBitsPerSecond) },
  {
    name: 'netkeep_device_up',
    help: 'The last poll of the device succeeded (1) or failed (0)',
    type: 'gauge',
    series: (fleet) => fleet.flatMap((device) => (device.status ? [{ labels: { device: device.name }, value: device.status.up ? 1 : 0 }] : [])),
  },
  { name: 'netkeep_device_uptime_seconds', help: 'Device uptime (sysUpTime; the uptime the CLI prints for CLI polls)', type: 'gauge', series: perDevice((device) => device.snapshot.sample.sysUpTimeHundredths / 100) },
  { name: 'netkeep_device_cpu_percent', help: 'Device CPU load in percent (CISCO-PROCESS-MIB 5 min, else HOST-RESOURCES-MIB)', type: 'gauge', series: perDevice((device) => device.snapshot.sample.cpuPercent) },
  { name: 'netkeep_device_memory_used_bytes', help: 'Device memory in use', type: 'gauge', series: perDevice((device) => device.snapshot.sample.memory?.usedBytes) },
  { name: 'netkeep_device_memory_total_bytes', help: 'Device memory in all', type: 'gauge', series: perDevice((device) => device.snapshot.sample.memory?.totalBytes) },
  {
    name: 'netkeep_poll_duration_seconds',
    help: 'Duration of the device\'s last poll, successful or not',
    type: 'gauge',
    series: (fleet) => fleet.flatMap((device) => (device.status?.durationMs == null ? [] : [{ labels: { device: device.name }, value: device.status.durationMs / 1000 }])),
  },
  {
    name: 'netkeep_poll_last_success_timestamp_seconds',
    help: 'When the device last answered a poll (Unix time)',
    type: 'gauge',
    series: (fleet) => fleet.flatMap((device) => (device.status?.lastSuccessAt ? [{ labels: { device: device.name }, value: Date.parse(device.status.lastSuccessAt) / 1000 }] : [])),
  },
  {
    name: 'netkeep_poll_errors_total',
    help: 'Failed polls of the device by reason (timeout, auth, settings, unsupported, connection, inventory, other)',
    type: 'counter',
    series: (fleet) =>
      fleet.flatMap((device) => Object.entries(device.status?.errorsByKind ?? {}).map(([reason, value]) => ({ labels: { device: device.name, reason }, value: value ?? 0 }))),
  },
];

/**
 * The fleet's telemetry on the app's /metrics, read from Redis at scrape time, so every
 * replica serves the whole fleet whoever polled it. Labels are `device` (its name),
 * `interface` (its ifName) and, on poll errors, a fixed `reason`: nothing unbounded.
 */
@Injectable()
export class TelemetryMetrics {
  private scrape?: Promise<FleetDevice[]>;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly store: TelemetryStateStore,
  ) {
    for (const family of FAMILIES) {
      const metric = {
        name: family.name,
        help: family.help,
        type: family.type,
        aggregator: 'sum',
        get: async () => ({ name: family.name, help: family.help, type: family.type, aggregator: 'sum', values: family.series(await this.fleet()) }),
        reset: () => undefined,
      };
      registry.registerMetric(metric as unknown as Parameters<Registry['registerMetric']>[0]);
    }
  }

  /** One Redis read per scrape, shared by every family the registry asks for at once. */
  fleet(): Promise<FleetDevice[]> {
    this.scrape ??= this.readFleet().finally(() => (this.scrape = undefined));
    return this.scrape;
  }

  private async readFleet(): Promise<FleetDevice[]> {
    const scheduled = await this.store.scheduledDevices();
    const ids = [...scheduled.keys()];
    const [statuses, snapshots] = await Promise.all([this.store.pollStatuses(ids), this.store.snapshots(ids)]);
    return ids.map((id) => {
      const status = statuses.get(id);
      const snapshot = snapshots.get(id);
      return { name: scheduled.get(id)?.name ?? id, ...(status ? { status } : {}), ...(snapshot ? { snapshot } : {}) };
    });
  }
}
