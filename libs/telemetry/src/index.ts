export * from './lib/device-sample';
export * from './lib/rates/counter-rate';
export * from './lib/rates/device-rates';
export * from './lib/snmp/snmp-errors';
export * from './lib/snmp/snmp-settings';
export { SnmpSession, withSnmpSession, snmpFailure, type SnmpVarbind } from './lib/snmp/snmp-session';
export { counter64FromBytes, counterValue } from './lib/snmp/varbind-values';
export { pollDeviceBySnmp, type SnmpPollOptions } from './lib/snmp/snmp-device-poll';
export { OIDS } from './lib/snmp/mib-oids';
export { pollDeviceByCli, CliTelemetryUnsupportedError, type CliSession, type CliPollOptions } from './lib/cli/cli-device-poll';
export { interfaceCommandFor, CLI_TELEMETRY_PLATFORMS, type InterfaceCommand } from './lib/cli/interface-commands';
export { parseCiscoStyleInterfaces, iosShortName } from './lib/cli/show-interfaces-cisco';
export { parseJunosInterfaces } from './lib/cli/show-interfaces-junos';
export { PACKET_COUNTERS, type PacketCounterName } from './lib/device-sample';

// the telemetry domain: module, configuration, polling, state
export { TelemetryModule, createTelemetryDomain, type TelemetryModuleOptions } from './lib/telemetry.module';
export { telemetryMigrations } from './lib/telemetry.migrations';
export { TELEMETRY_CONFIG_VARIABLES, TELEMETRY_ROLES, loadTelemetryConfig, pollDeadlineMs, type TelemetryConfig, type TelemetryRole } from './lib/telemetry.config';
export { TELEMETRY_CONFIG, TELEMETRY_POLL_QUEUE } from './lib/telemetry.constants';
export { pollOffsetMs, schedulerIdOf, type PollJob } from './lib/polling/poll-schedule';
export { PollQueue } from './lib/polling/poll-queue';
export { PollSchedules, type SyncReport } from './lib/polling/poll-schedules';
export { DevicePollWorker, type PollOutcome } from './lib/polling/device-poll.worker';
export { PollError, pollErrorKind } from './lib/polling/poll-errors';
export { MAX_HISTORY_ENTRIES, TelemetryKeys, historyLength, stateTtlSeconds } from './lib/state/telemetry-keys';
export { storeSample, loadSample, type StoredSample, type StoredInterface } from './lib/state/sample-codec';
export { nextSnapshot, type DeviceSnapshot, type NextSnapshot } from './lib/state/device-snapshot';
// for specs, benchmarks and test processes
export { LabInventoryPort, type LabDeviceRecord, type LabInventoryPortOptions, type LabSnmpMode } from './testing/lab-inventory-port';
export { TelemetryStateStore, type PollStatus, type ScheduledDevice } from './lib/state/telemetry-state.store';
export { snmpPollObjects } from './lib/snmp/snmp-device-poll';
